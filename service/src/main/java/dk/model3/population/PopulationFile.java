package dk.model3.population;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a generated population to a file: JSON Lines or CSV by the file name, gzipped
 * when it ends in {@code .gz}. Written beside the target under a {@code .partial} name
 * and moved into place when complete, so a stopped run never leaves a file that looks
 * whole.
 */
public final class PopulationFile {

	private PopulationFile() {
	}

	public static void write(Path file, long seed, int size, LocalDate assessmentDate, String prefix)
			throws IOException {
		Path target = file.toAbsolutePath();
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		String name = target.getFileName().toString();
		boolean gzip = name.endsWith(".gz");
		boolean csv = name.replace(".gz", "").endsWith(".csv");
		try (OutputStream raw = Files.newOutputStream(partial);
				OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
				Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
			if (csv) {
				writer.write(Citizen.CSV_HEADER);
				writer.write('\n');
			}
			IOException[] failure = new IOException[1];
			new PopulationGenerator(seed, assessmentDate, prefix).generate(size, (citizen) -> {
				if (failure[0] == null) {
					try {
						writer.write(csv ? citizen.csvLine() : citizen.jsonLine());
						writer.write('\n');
					}
					catch (IOException ex) {
						failure[0] = ex;
					}
				}
			});
			if (failure[0] != null) {
				throw failure[0];
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
		Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
