package org.fusioncell.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.fusioncell.shared.ProblemDetails;
import org.fusioncell.shared.RequestBodyTooLargeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over {@code fusioncell.api.max-body-bytes} with 413 before anything reads
 * them: a declared Content-Length is checked up front, a chunked body is counted as it is read.
 * Runs before the security filters so an over-size body costs nothing. Multipart uploads are
 * bounded by {@code spring.servlet.multipart.*} instead (attachments are larger than API bodies).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    /** Request attribute carrying the limit to the error page. */
    static final String LIMIT_ATTRIBUTE = "fusioncell.maxBodyBytes";

    private final long maxBodyBytes;
    private final JsonMapper json;

    RequestSizeLimit(@Value("${fusioncell.api.max-body-bytes:1048576}") long maxBodyBytes, JsonMapper json) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("fusioncell.api.max-body-bytes must be at least 1");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.json = json;
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuse(request, response);
            return;
        }
        request.setAttribute(LIMIT_ATTRIBUTE, maxBodyBytes);
        chain.doFilter(new LimitedBody(request, maxBodyBytes), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the unread body is not worth keeping the connection for
        response.setHeader("Connection", "close");
        request.setAttribute(LIMIT_ATTRIBUTE, maxBodyBytes);
        if (ErrorPages.isApi(request.getRequestURI(), request.getContextPath())) {
            ProblemDetail problem = ProblemDetails.tooLarge(maxBodyBytes);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            body.put("instance", request.getRequestURI());
            if (problem.getProperties() != null) {
                body.putAll(problem.getProperties());
            }
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(json.writeValueAsBytes(body));
        } else {
            // Not sendError: the error dispatch would parse the over-size form body for parameters
            // and fail. The page is rendered for a GET-shaped view of the request instead.
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            try {
                request.getRequestDispatcher("/error").forward(new BodylessView(request), response);
            } catch (ServletException e) {
                throw new IOException("cannot render the 413 page", e);
            }
        }
    }

    /** The refused request seen without its body: only query parameters, method GET. */
    static final class BodylessView extends HttpServletRequestWrapper {

        private final Map<String, String[]> query;

        BodylessView(HttpServletRequest request) {
            super(request);
            Map<String, String[]> params = new LinkedHashMap<>();
            UriComponentsBuilder.fromUriString("/?" + Objects.toString(request.getQueryString(), "")).build()
                    .getQueryParams().forEach((name, values) -> params.put(decode(name),
                            values.stream().map(v -> v == null ? "" : decode(v)).toArray(String[]::new)));
            this.query = Collections.unmodifiableMap(params);
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            String[] values = query.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return query;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(query.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return query.get(name);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            throw new IOException("the body of a refused request is not read");
        }
    }

    /** The request with a body that throws once more than the limit has been read. */
    static final class LimitedBody extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws RequestBodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
