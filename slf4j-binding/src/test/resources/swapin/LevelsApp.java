import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slf4j-api-only application that runs until told to stop, for changing levels over JMX from
 * outside. It reads commands from stdin: "log" makes one debug and one info call and prints
 * "APP logged N"; "exit" returns from main (ringtail's shutdown hook drains).
 */
public class LevelsApp {
    public static void main(String[] args) throws Exception {
        Logger cart = LoggerFactory.getLogger("shop.levels.Cart");
        System.out.println("APP ready");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int calls = 0;
        for (String command = commands.readLine(); command != null && !command.equals("exit");
                command = commands.readLine()) {
            if (command.equals("log")) {
                calls++;
                cart.debug("debug call {}", calls);
                cart.info("info call {}", calls);
                System.out.println("APP logged " + calls);
            }
        }
    }
}
