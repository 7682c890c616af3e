/**
 * Seeded synthetic populations for batch runs and benchmarks; proportions and their
 * reasoning are in {@code fixtures/README.md}.
 */
package dk.model3.population;
