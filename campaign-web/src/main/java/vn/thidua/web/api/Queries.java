package vn.thidua.web.api;

import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Asks a query and answers its result, or rethrows what the handler threw (a NotFound stays a NotFound). */
public final class Queries {
    private Queries() {
    }

    public static <R> R ask(QueryGateway gateway, Object query, Class<R> type) {
        try {
            return gateway.query(query, type).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + query.getClass().getSimpleName(), e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof QueryExecutionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
