package org.llmenergy.io;

/** HTML escaping for text placed into an HTML page or fragment (the report, notebook displays). */
public final class Html {
    private Html() {}

    /**
     * @param s text, or null
     * @return {@code s} with {@code < > & "} escaped, safe in element content and in double-quoted attributes; empty
     *         for null
     */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
