package vn.thidua.web.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 written by hand on a socket, for what {@link java.net.http.HttpClient} will not send: a forged
 * {@code Host}, a raw request target (encoded slashes, dot segments, semicolons), any method. Keeps the session cookie
 * of the answers it reads, like a browser, so a form login can be followed by page requests.
 */
public final class RawHttp {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public RawHttp(int port) {
        this.port = port;
    }

    public record Answer(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public String contentType() {
            String c = header("Content-Type");
            return c == null ? "" : c;
        }

        @Override
        public String toString() {
            String shown = body.length() > 400 ? body.substring(0, 400) + "…" : body;
            return status + " " + contentType() + " " + headers.keySet() + " " + shown;
        }
    }

    public Answer get(String target, String... headers) {
        return send("GET", target, null, null, headers);
    }

    /** Sends a request; {@code headers} are name, value pairs. A {@code Host} among them replaces the default one. */
    public Answer send(String method, String target, String contentType, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean host = false;
        for (int i = 0; i < headers.length; i += 2) {
            host |= headers[i].equalsIgnoreCase("Host");
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (!host) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (!cookies.isEmpty()) {
            head.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList())).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(s.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    /** A form POST (application/x-www-form-urlencoded) of name, value pairs. */
    public Answer form(String target, List<String> fields, String... headers) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i += 2) {
            b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return send("POST", target, "application/x-www-form-urlencoded",
                b.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The CSRF token of the login page, read with this client's session. */
    public String csrfOfLoginPage(String... headers) {
        Answer login = get("/login", headers);
        Matcher m = CSRF.matcher(login.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on the login page: " + login);
        }
        return m.group(1);
    }

    /** Signs in through the login form; answers the form's answer (a redirect when it worked). */
    public Answer signIn(String username, String password, String... headers) {
        String token = csrfOfLoginPage(headers);
        return form("/login", List.of("username", username, "password", password, "_csrf", token), headers);
    }

    public void forgetCookies() {
        cookies.clear();
    }

    private Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete answer: " + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(String.valueOf(first(headers, "transfer-encoding")))) {
            rest = dechunk(rest);
        }
        for (String c : headers.getOrDefault("set-cookie", List.of())) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1), i);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
