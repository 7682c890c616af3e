/**
 * What every server-rendered page shares: the template setup (also used without a server
 * for the batch report), the layout, the message bundles and the language switch, and the
 * sign-in page.
 */
package dk.model3.pages;
