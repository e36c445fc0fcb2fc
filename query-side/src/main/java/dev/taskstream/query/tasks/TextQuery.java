package dev.taskstream.query.tasks;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A search as typed, split for PostgreSQL: the words before the last go to {@code websearch_to_tsquery}
 * (quoted phrases, {@code -exclusion}, {@code or}); the last word, still being typed, matches as a prefix,
 * unless a space follows it: then it is complete, and exact matching is much cheaper for common words.
 */
record TextQuery(String complete, String prefix, boolean prefixIsAlternative) {

    private static final Pattern NOT_A_LEXEME_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]");

    static TextQuery of(String typed) {
        String text = typed.strip();
        boolean lastWordComplete = Character.isWhitespace(typed.charAt(typed.length() - 1));
        boolean insidePhrase = text.chars().filter(c -> c == '"').count() % 2 == 1;
        int lastSpace = text.lastIndexOf(' ');
        String lastWord = text.substring(lastSpace + 1);
        boolean prefixable = !lastWordComplete && !insidePhrase && !text.endsWith("\"") && !lastWord.startsWith("-")
                && !lastWord.equalsIgnoreCase("or");
        String prefix = prefixable ? NOT_A_LEXEME_CHARACTER.matcher(lastWord).replaceAll("") : "";
        if (prefix.isEmpty()) {
            return new TextQuery(text, null, false);
        }
        String before = lastSpace < 0 ? "" : text.substring(0, lastSpace).strip();
        boolean alternative = before.toLowerCase(Locale.ROOT).endsWith(" or") || before.equalsIgnoreCase("or");
        if (alternative) {
            before = before.substring(0, before.length() - 2).strip();
        }
        return new TextQuery(before.isEmpty() ? null : before, prefix, alternative && !before.isEmpty());
    }

    /** Whether the search excludes a word ({@code -word}). */
    boolean excludes() {
        return complete != null && (" " + complete).contains(" -");
    }

    static final String COMPLETE_WORDS_SQL = "websearch_to_tsquery('simple', taskstream_unaccent(?))";

    /**
     * Whether a match needs the complete words as well as the prefix. Then the index should find tasks by the
     * complete words alone: a prefix is a partial match in the GIN index, which reads that prefix's entries for
     * every user (measured: 29 ms against 3 ms for a whole word, at a million tasks).
     */
    boolean narrowsByCompleteWords() {
        return prefix != null && complete != null && !prefixIsAlternative;
    }

    /** SQL for the tsquery, with one {@code ?} per non-null part, in the order complete, prefix. */
    String sql() {
        String completePart = COMPLETE_WORDS_SQL;
        String prefixPart = "to_tsquery('simple', taskstream_unaccent(?) || ':*')";
        if (prefix == null) {
            return completePart;
        }
        if (complete == null) {
            return prefixPart;
        }
        return "(" + completePart + (prefixIsAlternative ? " || " : " && ") + prefixPart + ")";
    }

    Object[] parameters() {
        if (prefix == null) {
            return new Object[] {complete};
        }
        return complete == null ? new Object[] {prefix} : new Object[] {complete, prefix};
    }
}
