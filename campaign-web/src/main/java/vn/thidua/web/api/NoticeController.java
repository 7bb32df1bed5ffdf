package vn.thidua.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.NoticeService;

import java.util.Map;

/** Comments on a proposal during its public notice, and the cluster head's answers. */
@RestController
public class NoticeController {
    private final NoticeService notices;

    public NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    public record CommentBody(@NotBlank @Size(max = 4000) String text, @Size(max = 200) String author) {
    }

    public record ResponseBody(@NotBlank @Size(max = 4000) String text) {
    }

    @PostMapping("/api/v1/commendations/{id}/comments")
    public ResponseEntity<Map<String, String>> comment(Caller caller, @PathVariable String id,
                                                       @Valid @RequestBody CommentBody body) {
        String commentId = notices.comment(caller, id, body.text(), body.author());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("commentId", commentId));
    }

    @PostMapping("/api/v1/commendations/{id}/comments/{commentId}/response")
    public ResponseEntity<Map<String, String>> answer(Caller caller, @PathVariable String id,
                                                      @PathVariable String commentId,
                                                      @Valid @RequestBody ResponseBody body) {
        notices.answer(caller, id, commentId, body.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("commentId", commentId));
    }
}
