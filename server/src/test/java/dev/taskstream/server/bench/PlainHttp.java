package dev.taskstream.server.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The write benchmark's HTTP/1.1 client: one kept-alive connection, each request written and its answer read on the
 * calling thread. The JDK's HttpClient hands every exchange between threads (caller, selector, workers); on a 2-core
 * machine its CPU time was as large as the server's request threads', so it measured itself as much as the server.
 * Real clients run on other machines.
 */
final class PlainHttp implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttp(int port) {
        this.port = port;
    }

    Response send(String method, String path, String token, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        boolean reused = socket != null;
        try {
            connect();
            out.write(head);
            out.write(body);
            out.flush();
        } catch (IOException closedWhileIdle) {
            // The server closed a kept-alive connection (idle past its keep-alive time).
            return sendAgain(reused, closedWhileIdle, method, path, token, json);
        }
        try {
            return read();
        } catch (ClosedBeforeAnswering closedWhileIdle) {
            // The same, found on reading: closed before it read this request.
            return sendAgain(reused, closedWhileIdle, method, path, token, json);
        } catch (IOException broken) {
            close();
            throw broken;
        }
    }

    /** Once more on a new connection if the one that failed had been kept alive; a new one failing is a failure. */
    private Response sendAgain(boolean reused, IOException failure, String method, String path, String token,
                               String json) throws IOException {
        close();
        if (!reused) {
            throw failure;
        }
        return send(method, path, token, json);
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket("localhost", port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
        }
    }

    private Response read() throws IOException {
        in.mark(1);
        if (in.read() < 0) {
            throw new ClosedBeforeAnswering();
        }
        in.reset();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String name = header.substring(0, header.indexOf(':')).trim().toLowerCase();
            String value = header.substring(header.indexOf(':') + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            body.write(in.readNBytes((int) length));
        }
        if (closing) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static final class ClosedBeforeAnswering extends EOFException {
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
