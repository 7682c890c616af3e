package dk.model3.spark;

import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The floor the job is measured against (spark/benchmark): Spark reads the JSON Lines
 * with the job's schema and writes them as Parquet partitioned by period, with no rules,
 * no checks and no courses.
 */
@Command(name = "spark-baseline", mixinStandardHelpOptions = true,
		description = "Spark's own floor: read JSON Lines with a schema, write Parquet partitioned by period.")
public final class BaselineCommand implements Callable<Integer> {

	@Parameters(index = "0", description = "input file or folder of JSON Lines")
	private String input;

	@Option(names = { "-o", "--output" }, required = true, description = "output folder (must not exist)")
	private String output;

	@Option(names = "--master", description = "Spark master, e.g. local[2]")
	private String master;

	public static void main(String[] args) {
		System.exit(new CommandLine(new BaselineCommand()).execute(args));
	}

	@Override
	public Integer call() {
		SparkSession.Builder builder = SparkSession.builder().appName("spark-baseline");
		if (this.master != null) {
			builder.master(this.master);
		}
		SparkSession spark = builder.getOrCreate();
		try {
			long started = System.nanoTime();
			spark.read().schema(schema()).json(this.input).write().partitionBy("period").parquet(this.output);
			System.out.printf("baseline: %.1f s%n", (System.nanoTime() - started) / 1e9);
			return 0;
		}
		finally {
			spark.stop();
		}
	}

	// the job's schema, with the period a date
	static StructType schema() {
		StructType schema = new StructType();
		for (StructField field : FastRows.SCHEMA.fields()) {
			if (field.name().equals("period")) {
				schema = schema.add("period", DataTypes.DateType);
			}
			else if (!field.name().equals(FastRows.CORRUPT)) {
				schema = schema.add(field);
			}
		}
		return schema;
	}

}
