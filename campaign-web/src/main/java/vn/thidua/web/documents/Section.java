package vn.thidua.web.documents;

import java.util.List;

/** A part of a letter's body: an optional heading, paragraphs, and an optional table. */
public record Section(String heading, List<String> paragraphs, Table table) {

    public Section {
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    public static Section of(String heading, String... paragraphs) {
        return new Section(heading, List.of(paragraphs), null);
    }

    /** A table of text cells; {@code numeric} says which columns are figures (right-aligned). */
    public record Table(List<String> headers, List<List<String>> rows, List<Boolean> numeric) {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            numeric = List.copyOf(numeric);
        }
    }
}
