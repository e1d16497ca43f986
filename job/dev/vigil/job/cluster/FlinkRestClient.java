package dev.vigil.job.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The part of Flink's REST API that submitting and operating a job needs, spoken as the Web UI speaks it:
 * upload the job jar, run it with program arguments, watch the job, stop it with a savepoint, cancel it.
 * Flink answers a refused request with a list of error texts (often whole stack traces); a
 * {@link FlinkRestException} keeps them and says in one line what went wrong.
 */
public final class FlinkRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final URI address;
    private final HttpClient http;

    /** A client of the REST endpoint at {@code address}, e.g. {@code http://jobmanager:8081}. */
    public FlinkRestClient(URI address) {
        String text = address.toString();
        this.address = URI.create(text.endsWith("/") ? text : text + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI address() {
        return address;
    }

    /** Where the Web UI shows {@code jobId}. */
    public URI webUiLink(String jobId) {
        return URI.create(address + "#/job/running/" + jobId + "/overview");
    }

    /** Uploads {@code jar} as the Web UI does ({@code POST /jars/upload}) and returns the id it runs by. */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "vigil-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(address.resolve("jars/upload"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> multipart(head, jar, tail)))
                .build();
        String file = send(request, "upload " + jar.getFileName()).path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    private static InputStream multipart(String head, Path jar, String tail) {
        try {
            return new SequenceInputStream(new SequenceInputStream(
                    new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), Files.newInputStream(jar)),
                    new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + jar, e);
        }
    }

    /**
     * Runs an uploaded jar's main class with {@code programArgs} ({@code POST /jars/<id>/run}) and returns
     * the id of the job it submitted.
     *
     * @param parallelism the job's default parallelism, or {@code null} for the cluster's
     * @param savepoint a savepoint or retained checkpoint to start from, or {@code null}
     */
    public String runJar(String jarId, List<String> programArgs, Integer parallelism, String savepoint)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.putPOJO("programArgsList", programArgs);
        if (parallelism != null) {
            body.put("parallelism", parallelism);
        }
        if (savepoint != null) {
            body.put("savepointPath", savepoint);
        }
        return send(post("jars/" + jarId + "/run", body), "run the job").path("jobid").asText();
    }

    /** The job's state ({@code RUNNING}, {@code FINISHED}, {@code FAILED}, ...). */
    public String jobState(String jobId) throws IOException, InterruptedException {
        return get("jobs/" + jobId).path("state").asText();
    }

    /** Any GET of the REST API, as JSON. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(address.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build(), "GET " + path);
    }

    /**
     * Stops the job with a savepoint in {@code directory} ({@code POST /jobs/<id>/stop}, not draining, so
     * the job can go on from it) and returns the savepoint's location once it is written.
     */
    public String stopWithSavepoint(String jobId, String directory, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("targetDirectory", directory).put("drain", false);
        String trigger = send(post("jobs/" + jobId + "/stop", body), "stop job " + jobId).path("request-id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new FlinkRestException("stop job " + jobId + " with a savepoint", 200,
                            List.of(operation.path("failure-cause").path("stack-trace").asText()));
                }
                return operation.path("location").asText();
            }
            Thread.sleep(200);
        }
        throw new IOException("the savepoint of job " + jobId + " was not written within " + timeout);
    }

    /** Cancels the job ({@code PATCH /jobs/<id>}). */
    public void cancel(String jobId) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(address.resolve("jobs/" + jobId + "?mode=cancel")).timeout(REQUEST_TIMEOUT)
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), "cancel job " + jobId);
    }

    private HttpRequest post(String path, JsonNode body) {
        return HttpRequest.newBuilder(address.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private JsonNode send(HttpRequest request, String what) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach Flink's REST API at " + address + " (" + what + ")", e);
        }
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (response.statusCode() >= 300) {
            List<String> errors = new ArrayList<>();
            body.path("errors").forEach(error -> errors.add(error.asText()));
            throw new FlinkRestException(what, response.statusCode(), errors);
        }
        return body;
    }
}
