package vn.thidua.web.config;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's last word on an error the application never saw: a request refused by the connector itself (an encoded
 * slash, a NUL, a backslash or invalid UTF-8 in the path, a request line or header over the size limit). Tomcat's
 * own report is an English HTML page; this one answers problem+json under {@code /api/} and a short Vietnamese page
 * elsewhere. Errors that reach the application are answered by {@link ErrorPages} instead.
 */
public class ApiOrPageErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String uri = null;
        try {
            uri = request.getCoyoteRequest().requestURI().toString();
        } catch (RuntimeException unreadable) {
            // no path to go by: a page
        }
        boolean api = uri != null && uri.startsWith("/api/");
        try {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(api ? "application/problem+json" : "text/html;charset=UTF-8");
            Writer writer = response.getReporter();
            if (writer == null) {
                return;
            }
            writer.write(api ? ErrorPages.problemJson(status) : ErrorPages.plainPage(status));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the answer was already under way
        }
    }
}
