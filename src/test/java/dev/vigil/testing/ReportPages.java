package dev.vigil.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a run report's HTML (as written, or as a browser's DOM) in tests. */
public final class ReportPages {

    private ReportPages() {}

    /** Every figure of one chart kind ({@code data-chart}), together; fails if there is none. */
    public static String figures(String html, String kind) {
        Matcher figure = Pattern.compile("<figure class=\"chart\" data-chart=\"" + kind + "\".*?</figure>",
                Pattern.DOTALL).matcher(html);
        StringBuilder all = new StringBuilder();
        while (figure.find()) {
            all.append(figure.group());
        }
        assertThat(all).as("a " + kind + " chart").isNotEmpty();
        return all.toString();
    }

    /** How often {@code part} occurs in {@code text}. */
    public static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
