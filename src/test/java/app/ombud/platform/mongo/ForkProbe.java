package app.ombud.platform.mongo;

import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What the benchmark reads from a forked Ombud besides its API: the store commands its driver
 * sent ({@link StoreCommandProbe}, over JMX on a loopback port without authentication — a
 * benchmark's own child process only), its heap after a full GC, and its resident set size from
 * {@code /proc} (Linux).
 */
final class ForkProbe implements AutoCloseable {

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final long pid;

    private ForkProbe(JMXConnector connector, long pid) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.pid = pid;
    }

    /** The JVM options that open JMX on this loopback port, and the Ombud setting that turns the probe on. */
    static List<String> jvmOptions(int jmxPort) {
        return List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dombud.bench.probe=true");
    }

    static ForkProbe connect(int jmxPort, long pid) throws IOException {
        var url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        return new ForkProbe(JMXConnectorFactory.connect(url), pid);
    }

    /** The commands the fork's driver has sent so far. */
    int commands() throws IOException, JMException {
        return (Integer) server.getAttribute(new ObjectName(StoreCommandProbe.NAME), "Sent");
    }

    /** The latest commands (JSON), oldest first; the fork forgets them. */
    @SuppressWarnings("unchecked")
    List<String> takeRecentCommands() throws IOException, JMException {
        return (List<String>) server.invoke(new ObjectName(StoreCommandProbe.NAME), "takeRecent", null, null);
    }

    /** The heap in use right after a full GC, in bytes. */
    long heapAfterGc() throws IOException, JMException {
        var memory = new ObjectName("java.lang:type=Memory");
        server.invoke(memory, "gc", null, null);
        return MemoryUsage.from((CompositeData) server.getAttribute(memory, "HeapMemoryUsage")).getUsed();
    }

    /** The resident set size, in bytes (VmRSS of /proc/<pid>/status). */
    long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
