package dev.taskstream.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.ErrorCode;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * Reads each request body in full, without blocking a request thread, before the rest of the server sees the
 * request. Tomcat reads bodies on its request threads; 200 clients sending their bodies slowly used to hold all
 * 200 of them, and for 40 s nothing else (health checks included) was answered. Here a body arrives through
 * non-blocking reads, is capped in size ({@code 413}) and in time ({@code 408}), and only a complete body takes a
 * thread. A body that came whole with the headers, as small ones nearly always do, goes on at once.
 */
final class BodyReader extends HttpFilter {

    /** Where a body read in full waits for the dispatch that processes the request. */
    private static final String BODY = BodyReader.class.getName() + ".body";

    private static final Logger log = LoggerFactory.getLogger(BodyReader.class);
    private static final int CHUNK = 8192;

    private final long maxBytes;
    private final Duration deadline;
    private final ObjectMapper json;
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "body-read-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    BodyReader(long maxBytes, Duration deadline, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.json = json;
        deadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * A body that has arrived goes on at once. Otherwise the first dispatch starts reading; once the body is in, the
     * request is dispatched again and goes on from here as the ordinary request it is (the filters after this one
     * have not seen it yet).
     */
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(BODY) instanceof byte[] body) {
            request.removeAttribute(BODY);
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (request.getContentLengthLong() <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuseTooLarge(response);
            return;
        }
        ServletInputStream in = request.getInputStream();
        long length = request.getContentLengthLong();
        byte[] arrived = chunked ? new byte[0] : readArrived(in, (int) length);
        if (arrived.length == length) {
            chain.doFilter(new BufferedBodyRequest(request, arrived), response);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        in.setReadListener(new Reading(request, response, async, in, arrived));
    }

    /**
     * Whatever of the body came with the headers, read without waiting for more (Tomcat holds it in its buffer).
     * A small body nearly always arrives that way, and then needs neither the non-blocking read nor the second
     * dispatch.
     */
    private static byte[] readArrived(ServletInputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = 0;
        while (read < length && in.available() > 0) {
            int chunk = in.read(body, read, length - read);
            if (chunk < 0) {
                break;
            }
            read += chunk;
        }
        return read == length ? body : Arrays.copyOf(body, read);
    }

    /** One body on its way in; exactly one of complete, too large, too slow or broken ends it. */
    private final class Reading implements ReadListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final AsyncContext async;
        private final ServletInputStream in;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[CHUNK];
        private final AtomicBoolean ended = new AtomicBoolean();
        private final ScheduledFuture<?> tooSlow;

        Reading(HttpServletRequest request, HttpServletResponse response, AsyncContext async, ServletInputStream in,
                byte[] arrived) {
            this.request = request;
            this.response = response;
            this.async = async;
            this.in = in;
            this.body.writeBytes(arrived);
            this.tooSlow = deadlines.schedule(this::tooSlow, deadline.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (in.isReady() && !in.isFinished()) {
                int read = in.read(chunk);
                if (read < 0) {
                    return;
                }
                body.write(chunk, 0, read);
                if (body.size() > maxBytes && end()) {
                    refuseTooLarge(response);
                    async.complete();
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (end()) {
                request.setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (end()) {
                log.debug("Body of {} {} not read: {}", request.getMethod(), request.getRequestURI(), failure.toString());
                async.complete();
            }
        }

        private void tooSlow() {
            if (end()) {
                try {
                    refuse(response, ErrorCode.BODY_TOO_SLOW,
                            "The body did not arrive within " + deadline.toSeconds() + " s; send it again in one go.");
                } catch (IOException | RuntimeException clientGone) {
                    log.debug("Could not answer a slow body: {}", clientGone.toString());
                }
                async.complete();
            }
        }

        private boolean end() {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            tooSlow.cancel(false);
            return true;
        }
    }

    private void refuseTooLarge(HttpServletResponse response) throws IOException {
        refuse(response, ErrorCode.BODY_TOO_LARGE, "A request body has at most " + maxBytes + " bytes.");
    }

    private void refuse(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemResponses.write(response, json, code, detail);
    }
}
