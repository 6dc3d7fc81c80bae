package org.fusioncell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.fusioncell.testing.WithFusionCellUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Spring's {@code /error}: translated pages in the layout for the UI, problem details for the API,
 * never a stack trace. MockMvc does not forward to {@code /error} itself, so the tests call it the
 * way the servlet container does, with the error attributes set.
 */
@FusionCellTest
@AutoConfigureMockMvc
@Import(WebTestEndpoints.class)
@WithFusionCellUser(scopes = {"read", "write"})
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;

    private String page(int status, String uri, String language) throws Exception {
        MvcResult result = mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(html).doesNotContain("secret detail", "IllegalStateException", "at org.");
        return html;
    }

    @Test
    void notFoundPageSaysNotFoundOrNotAvailableInEachLanguage() throws Exception {
        assertThat(page(404, "/reports/0190a1b2-0000-7000-8000-000000000000", "en"))
                .contains("lang=\"en\"", "dir=\"ltr\"", "not found, or it is not available to you");
        assertThat(page(404, "/reports/x", "fr"))
                .contains("lang=\"fr\"", "introuvable, ou il ne vous est pas accessible");
        assertThat(page(404, "/reports/x", "ar"))
                .contains("lang=\"ar\"", "dir=\"rtl\"", "غير موجود، أو غير متاح لك");
    }

    @Test
    void forbiddenTooLargeAndServerErrorPagesAreTranslated() throws Exception {
        assertThat(page(403, "/admin", "en")).contains("Your roles do not allow this action");
        assertThat(page(403, "/admin", "fr")).contains("Vos rôles ne permettent pas cette action");
        assertThat(page(403, "/admin", "ar")).contains("أدوارك لا تسمح بهذا الإجراء");
        assertThat(page(413, "/reports", "en")).contains("limit of 1024 KiB. Nothing was saved.");
        assertThat(page(413, "/reports", "fr")).contains("limite de 1024 Kio. Rien n&#39;a été enregistré.");
        assertThat(page(413, "/reports", "ar")).contains("1024 كيلوبايت");
        assertThat(page(500, "/reports", "en")).contains("Something went wrong", "Nothing was saved.");
        assertThat(page(500, "/reports", "fr")).contains("Une erreur s&#39;est produite");
        assertThat(page(500, "/reports", "ar")).contains("حدث خطأ");
        assertThat(page(405, "/reports", "en")).contains("Request not completed", "Status 405");
    }

    @Test
    void pageControllerThatFindsNothingAnswersTheNotFoundPage() throws Exception {
        mvc.perform(get("/test/hidden").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }

    @Test
    void apiPathsGetProblemDetailsFromTheErrorEndpoint() throws Exception {
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/no-such-thing")
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://fusioncell.org/problems/not-found"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/reports")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value("The server could not complete the request; nothing was written."));
    }

    @Test
    void apiControllerThatFindsNothingStillAnswersAProblem() throws Exception {
        mvc.perform(get("/api/test/hidden"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aWriteThatLostALockConflictAsksToBeSentAgain() throws Exception {
        mvc.perform(post("/api/test/deadlocked"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.type").value("https://fusioncell.org/problems/busy"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was written")));
    }

    @Test
    void overSizeApiBodyIsRefusedBeforeAnythingReadsIt() throws Exception {
        WebTestEndpoints.WRITES.set(0);
        byte[] body = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        mvc.perform(post("/api/test/notes").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.limitBytes").value(1048576));
        assertThat(WebTestEndpoints.WRITES).hasValue(0);
    }
}
