package vn.thidua.web.ui.pages;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matching of Vietnamese names as people type them: without accents ("yen dinh" finds "Yên Định"), in any case, in
 * any order of words. Every word typed must occur in the name (as the start of one of its words or inside it).
 */
public final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /** Lower case, accents and tone marks removed, đ as d, runs of other characters as one space. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return NOT_WORD.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The folded words of a query; none for a blank one. */
    public static List<String> words(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** Whether every word of the query occurs in one of the texts. */
    public static boolean matches(List<String> words, String... texts) {
        if (words.isEmpty()) {
            return false;
        }
        StringBuilder all = new StringBuilder();
        for (String t : texts) {
            all.append(' ').append(fold(t));
        }
        String haystack = all.append(' ').toString();
        return words.stream().allMatch(haystack::contains);
    }
}
