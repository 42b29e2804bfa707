package io.basira.server.cli;

import java.sql.Connection;
import java.sql.DriverManager;

/** A second process for {@link EmbeddedDatabaseCliTest}: opens the H2 URL it is given, says "open", holds it until stdin ends. */
public final class HoldDatabaseOpen {

    private HoldDatabaseOpen() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            System.out.println(connection.isValid(1) ? "open" : "not valid");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to close our stdin
            }
        }
    }
}
