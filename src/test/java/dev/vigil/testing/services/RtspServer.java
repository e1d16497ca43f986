package dev.vigil.testing.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real RTSP server on 127.0.0.1 (GStreamer's RTSP server, {@code src/test/services/rtsp-server.py}, run
 * with Debian's {@code /usr/bin/python3}), serving live test patterns and looped videos scaled down to a
 * small size. {@link #kill()} and {@link #restart()} make real disconnects.
 *
 * <p>Without the Debian GStreamer packages it fails with the list of packages to install.
 */
public final class RtspServer implements AutoCloseable {

    public static final String PYTHON = "/usr/bin/python3";
    public static final String PACKAGES = "gstreamer1.0-rtsp gir1.2-gst-rtsp-server-1.0 python3-gst-1.0 python3-gi "
            + "gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly gstreamer1.0-plugins-bad "
            + "gstreamer1.0-libav ffmpeg";
    private static final Path SCRIPT = Path.of("src/test/services/rtsp-server.py");
    private static final Path WORK_DIR = Path.of("target/services/rtsp");

    /** Empty once the probe has passed, the failure if it has not, {@code null} before it ran. */
    private static Optional<IllegalStateException> installProblem;

    private final ServiceProcess process;
    private final int port;

    private RtspServer(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    /** {@code rtsp://127.0.0.1:<port>/<mount>}. */
    public String url(String mount) {
        return "rtsp://127.0.0.1:" + port + "/" + mount;
    }

    /** Kills the server at once, as a crash or power cut would: every client loses its connection. */
    public void kill() {
        process.kill();
    }

    /** Starts the server again on the same port and waits until it accepts connections. */
    public void restart() {
        process.start();
        process.awaitPort(port, Duration.ofSeconds(30));
    }

    /**
     * Freezes the server (SIGSTOP): connections stay open but nothing arrives, and new connections hang,
     * as with a camera that hangs.
     */
    public void freeze() {
        process.signal("STOP");
    }

    /** Lets a frozen server go on (SIGCONT). */
    public void thaw() {
        process.signal("CONT");
    }

    public String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        process.close();
    }

    /**
     * Fails with the packages to install unless GStreamer's RTSP server and the encoders are there. The probe
     * runs once per JVM: the packages do not change while the tests run.
     */
    public static synchronized void checkInstalled() {
        if (installProblem == null) {
            try {
                checkInstalled(PYTHON);
                installProblem = Optional.empty();
            } catch (IllegalStateException e) {
                installProblem = Optional.of(e);
            }
        }
        if (installProblem.isPresent()) {
            throw new IllegalStateException(installProblem.get().getMessage(), installProblem.get());
        }
    }

    /** {@link #checkInstalled()} with the GStreamer bindings looked for under {@code python}. */
    static void checkInstalled(String python) {
        String probe = "import gi\n"
                + "gi.require_version('Gst', '1.0')\n"
                + "gi.require_version('GstRtspServer', '1.0')\n"
                + "from gi.repository import Gst, GstRtspServer\n"
                + "Gst.init(None)\n"
                + "missing = [e for e in ('videotestsrc', 'x264enc', 'rtph264pay', 'avdec_h264', 'h264parse', "
                + "'videoscale', 'videorate', 'multifilesrc', 'timeoverlay') if Gst.ElementFactory.find(e) is None]\n"
                + "print('missing GStreamer elements: ' + ', '.join(missing) if missing else 'ok')\n";
        String answer;
        try {
            answer = run(List.of(python, "-c", probe)).trim();
        } catch (RuntimeException e) {
            answer = e.getMessage();
        }
        String ffmpeg;
        try {
            run(List.of("ffmpeg", "-version"));
            ffmpeg = "ok";
        } catch (RuntimeException e) {
            ffmpeg = "ffmpeg: " + e.getMessage();
        }
        if (!answer.endsWith("ok") || !ffmpeg.equals("ok")) {
            throw new IllegalStateException("the RTSP tests need GStreamer's RTSP server and ffmpeg from Debian: "
                    + "apt-get install -y " + PACKAGES + " (" + answer + "; " + ffmpeg + ")");
        }
    }

    /** Runs a helper command to its end, returning its output; throws with the output if it fails. */
    private static String run(List<String> command) {
        Path log = WORK_DIR.resolve(Path.of(command.get(0)).getFileName() + ".log");
        return ServiceProcess.runToCompletion(command, null, log, Duration.ofSeconds(120));
    }

    /** The mounts and options of a server. */
    public static final class Builder {

        private final List<String> mounts = new ArrayList<>();
        private String auth;

        private Builder() {}

        /** A live test pattern ({@code videotestsrc is-live=true}) at {@code /<name>}. */
        public Builder pattern(String name, int width, int height, int fps) {
            mounts.add(name + "=pattern:" + width + "x" + height + "@" + fps);
            return this;
        }

        /**
         * A video file played in a loop at {@code /<name>}, scaled to the given size; it is converted to an
         * Annex-B .h264 stream under target/ first (an mp4 served directly would play only once).
         */
        public Builder video(String name, Path video, int width, int height, int fps) {
            Path h264 = WORK_DIR.resolve(name + ".h264").toAbsolutePath();
            try {
                if (!Files.exists(h264)) {
                    run(List.of("ffmpeg", "-loglevel", "error", "-y", "-i", video.toString(), "-an", "-c:v", "copy",
                            "-bsf:v", "h264_mp4toannexb", "-f", "h264", h264.toString()));
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot convert " + video + " for the RTSP server: " + e.getMessage(), e);
            }
            mounts.add(name + "=file:" + h264 + ":" + width + "x" + height + "@" + fps);
            return this;
        }

        /** Requires basic authentication with these credentials. */
        public Builder auth(String user, String password) {
            this.auth = user + ":" + password;
            return this;
        }

        /** Starts the server on a free port and waits until it accepts connections. */
        public RtspServer start() {
            checkInstalled();
            int port = FreePorts.pick();
            List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT.toAbsolutePath().toString(),
                    "--port", Integer.toString(port)));
            for (String mount : mounts) {
                command.add("--mount");
                command.add(mount);
            }
            if (auth != null) {
                command.add("--auth");
                command.add(auth);
            }
            ServiceProcess process = ServiceProcess.start("rtsp-server-" + port, command, WORK_DIR);
            process.awaitPort(port, Duration.ofSeconds(30));
            return new RtspServer(process, port);
        }
    }
}
