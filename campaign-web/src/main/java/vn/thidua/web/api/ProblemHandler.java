package vn.thidua.web.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.NotPermitted;
import vn.thidua.domain.shared.RuleViolation;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error as RFC 9457 problem+json: 400 for malformed or invalid input (with field errors), 403 for what the
 * caller may not do, 404 for unknown resources, 409 for a refused command naming its rule. Never a 500 for input.
 * Only for the REST controllers: a page's errors are pages (UiErrors, and config.ErrorPages for the rest, which also
 * answers problem+json for what fails under /api/ before a controller is chosen: unknown path, method, media type).
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String TYPE_BASE = "https://thidua.vn/problems/";

    private final MeterRegistry meters;

    public ProblemHandler(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(RuleViolation.class)
    public ResponseEntity<ProblemDetail> rule(RuleViolation e) {
        meters.counter("thidua.commands.refused", "rule", e.rule()).increment();
        ProblemDetail p = problem(HttpStatus.CONFLICT, "rule/" + e.rule(), "Refused by rule " + e.rule(),
                e.getMessage());
        p.setProperty("rule", e.rule());
        return respond(p);
    }

    /** An evidence file refused for its bytes: 413 too large, 415 a type the contract does not accept. */
    @ExceptionHandler(vn.thidua.web.evidence.EvidenceRefused.class)
    public ResponseEntity<ProblemDetail> evidenceRefused(vn.thidua.web.evidence.EvidenceRefused e) {
        ProblemDetail p = e.kind() == vn.thidua.web.evidence.EvidenceRefused.Kind.TOO_LARGE
                ? problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Payload too large", e.getMessage())
                : problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                e.getMessage());
        p.setProperty("code", e.code());
        return respond(p);
    }

    /** A refusal by the aggregate's own rule of who may act: 403, with the rule named. */
    @ExceptionHandler(NotPermitted.class)
    public ResponseEntity<ProblemDetail> notPermitted(NotPermitted e) {
        ProblemDetail p = problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
        p.setProperty("rule", e.rule());
        return respond(p);
    }

    @ExceptionHandler(InvalidValue.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidValue e) {
        return respond(invalidInput(e.getMessage(), List.of(Map.of("field", e.field(), "message", e.getMessage()))));
    }

    @ExceptionHandler(NotFound.class)
    public ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> streamNotFound(AggregateNotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "'" + e.getAggregateIdentifier() + "' does not exist"));
    }

    @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
    public ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "rule/concurrent-change", "Refused by rule concurrent-change",
                "the resource was changed or created by another request at the same moment; read it and retry");
        p.setProperty("rule", "concurrent-change");
        return respond(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof NotPermitted n) {
            return notPermitted(n);
        }
        if (cause instanceof RuleViolation r) {
            return rule(r);
        }
        if (cause instanceof InvalidValue v) {
            return invalid(v);
        }
        if (cause instanceof NotFound n) {
            return notFound(n);
        }
        log.error("command failed", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the command could not be processed"));
    }

    /** Anything unforeseen is still answered as problem+json, logged with its cause, and never shows internals. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof AccessDeniedException) {
            throw e;
        }
        log.error("unexpected failure", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request could not be processed; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        return asObject(respond(invalidInput("the request has " + errors.size() + " invalid field(s)", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String detail = "the request body is not valid JSON for this endpoint";
        List<Map<String, String>> errors = List.of();
        if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = fieldPath(m);
            String message = m instanceof InvalidFormatException f
                    ? "cannot read '" + f.getValue() + "' as " + f.getTargetType().getSimpleName()
                    : "has the wrong type or form";
            errors = List.of(Map.of("field", field, "message", message));
            detail = field + " " + message;
        }
        return asObject(respond(invalidInput(detail, errors)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return respond(invalidInput("parameter " + e.getName() + " has an invalid value",
                List.of(Map.of("field", e.getName(), "message", "invalid value"))));
    }

    private static String fieldPath(JsonMappingException m) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ProblemDetail invalidInput(String detail, List<Map<String, String>> errors) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        p.setProperty("errors", errors);
        return p;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        return p;
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> e) {
        return (ResponseEntity) e;
    }
}
