package vn.thidua.web.excel;

import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Asks a query and answers its result, or rethrows what the handler threw (a NotFound stays a NotFound). */
@Component
class ExcelQueries {
    private final QueryGateway gateway;

    ExcelQueries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    <R> R ask(Object query, Class<R> type) {
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
