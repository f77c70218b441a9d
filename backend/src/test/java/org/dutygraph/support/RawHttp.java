package org.dutygraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL over a plain socket bound to a chosen loopback address (127.0.0.x), so that a test can be a
 * different client address from the rest of the suite.
 */
public final class RawHttp {

    private RawHttp() {}

    public static JsonNode graphql(String fromAddress, int port, String document) {
        var body = GraphQl.JSON
                .writeValueAsString(java.util.Map.of("query", document))
                .getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(fromAddress), 0)) {
            var head = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var json = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (response.contains("Transfer-Encoding: chunked")) {
                json = unchunk(json);
            }
            return GraphQl.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        var out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            // sizes count bytes; the payload is UTF-8, so cut by bytes
            var rest = chunked.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            var piece = new String(rest, 0, size, StandardCharsets.UTF_8);
            out.append(piece);
            at = eol + 2 + piece.length() + 2;
        }
    }
}
