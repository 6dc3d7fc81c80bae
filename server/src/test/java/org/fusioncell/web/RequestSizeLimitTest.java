package org.fusioncell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.charset.StandardCharsets;
import org.fusioncell.shared.ProblemDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/** The body limit alone, with a limit of 64 bytes, declared and chunked bodies. */
class RequestSizeLimitTest {

    private static final long LIMIT = 64;

    /** Makes the request look chunked: no Content-Length, so only counting while reading can catch it. */
    private static final Filter CHUNKED = (request, response, chain) -> chain.doFilter(
            new HttpServletRequestWrapper((HttpServletRequest) request) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            }, response);

    private final RequestSizeLimit limit = new RequestSizeLimit(LIMIT, JsonMapper.builder().build());

    @BeforeEach
    void reset() {
        WebTestEndpoints.WRITES.set(0);
    }

    private MockMvc mvc(Filter... filters) {
        return MockMvcBuilders.standaloneSetup(new WebTestEndpoints.Api())
                .setControllerAdvice(new ProblemDetails()).addFilters(filters).build();
    }

    private static String noteOf(int bytes) {
        return "{\"text\":\"" + "x".repeat(bytes - 11) + "\"}";
    }

    @Test
    void apiBodyWithinTheLimitIsStored() throws Exception {
        mvc(limit).perform(post("/api/test/notes").contentType(MediaType.APPLICATION_JSON).content(noteOf(60)))
                .andExpect(status().isOk());
        assertThat(WebTestEndpoints.WRITES).hasValue(1);
    }

    @Test
    void apiBodyDeclaredOverTheLimitIs413ProblemNamingBodyAndNothingIsWritten() throws Exception {
        mvc(limit).perform(post("/api/test/notes").contentType(MediaType.APPLICATION_JSON).content(noteOf(65)))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.detail").value("body: larger than the limit of 64 bytes; nothing was written."));
        assertThat(WebTestEndpoints.WRITES).hasValue(0);
    }

    @Test
    void chunkedApiBodyOverTheLimitIsCountedWhileReadAnd413() throws Exception {
        mvc(CHUNKED, limit).perform(post("/api/test/notes").contentType(MediaType.APPLICATION_JSON)
                        .content(noteOf(500).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.type").value("https://fusioncell.org/problems/body-too-large"));
        assertThat(WebTestEndpoints.WRITES).hasValue(0);
    }

    @Test
    void chunkedApiBodyWithinTheLimitIsStored() throws Exception {
        mvc(CHUNKED, limit).perform(post("/api/test/notes").contentType(MediaType.APPLICATION_JSON).content(noteOf(64)))
                .andExpect(status().isOk());
        assertThat(WebTestEndpoints.WRITES).hasValue(1);
    }

    @Test
    void pageRequestOverTheLimitIsShownTheErrorPageAs413WithoutReadingTheBody() throws Exception {
        mvc(limit).perform(post("/reports").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("text=" + "y".repeat(100)))
                .andExpect(status().is(413))
                .andExpect(forwardedUrl("/error"));
    }
}
