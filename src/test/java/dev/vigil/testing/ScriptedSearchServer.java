package dev.vigil.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for an Elasticsearch or OpenSearch node on 127.0.0.1 that answers from a script: {@code GET /}
 * with a fixed body and headers, each {@code _bulk} with the next scripted answer (500 once the script is
 * used up), and anything else (index templates) with {@code {"acknowledged": true}}. It keeps every
 * bulk body and every request line, so tests can check what was sent, and in which order.
 */
public final class ScriptedSearchServer implements AutoCloseable {

    /** One scripted answer; an empty body is sent without content, as Elasticsearch answers a 413. */
    public record Answer(int status, String body) {}

    private final HttpServer server;
    private final Deque<Answer> bulkAnswers = new ArrayDeque<>();
    private final List<String> bulks = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();

    /** Starts a server answering {@code GET /} with {@code root} and {@code rootHeaders}. */
    public ScriptedSearchServer(String root, Map<String, String> rootHeaders) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            }
            if (exchange.getRequestURI().getPath().equals("/")) {
                rootHeaders.forEach(exchange.getResponseHeaders()::add);
                send(exchange, new Answer(200, root));
            } else if (exchange.getRequestURI().getPath().equals("/_bulk")) {
                Answer answer;
                synchronized (this) {
                    bulks.add(body);
                    answer = bulkAnswers.isEmpty() ? new Answer(500, "{}") : bulkAnswers.poll();
                }
                send(exchange, answer);
            } else {
                send(exchange, new Answer(200, "{\"acknowledged\": true}"));
            }
        });
        server.start();
    }

    /** Answers the next bulk requests with {@code answers}, in order. */
    public synchronized ScriptedSearchServer thenBulk(Answer... answers) {
        bulkAnswers.addAll(List.of(answers));
        return this;
    }

    /** The bodies of the bulk requests received so far. */
    public synchronized List<String> bulks() {
        return List.copyOf(bulks);
    }

    /** Every request received so far, as {@code METHOD /path?query}. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
