package io.basira.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * The launcher's and Surefire's JVM options hold the module openings of Spark's own list and the Netty flag (a
 * Spark upgrade that adds one fails here, not on a cluster). Spark's list also has options for newer JVMs
 * ({@code --sun-misc-unsafe-memory-access}, which Java 17 refuses) and Netty tunings, left to spark-submit.
 */
class LauncherOptionsTest {

    @Test
    void theLauncherOpensWhatSparkNeeds() throws IOException {
        List<String> launcher = Files.readAllLines(Path.of("launcher/jvm.options")).stream()
                .map(String::strip)
                .toList();
        List<String> spark = Arrays.stream(JavaModuleOptions.defaultModuleOptionArray())
                .filter(o -> o.startsWith("--add-opens") || o.equals("-Dio.netty.tryReflectionSetAccessible=true"))
                .toList();
        assertThat(spark).hasSizeGreaterThan(10);
        assertThat(launcher).containsAll(spark);
        String surefire = System.getProperty("basira.argLine", "");
        assertThat(Arrays.asList(surefire.split(" "))).as("Surefire's argLine").containsAll(spark);
    }
}
