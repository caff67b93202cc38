package digitlab.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesTheGrammar() throws Exception {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, 0.25], \"b\": {\"c\": true, \"d\": null}, \"e\": \"x\\n\\u00e9\\\"\"} ");
        assertEquals(Map.of("a", List.of(1.0, -2500.0, 0.25), "b", java.util.Collections.unmodifiableMap(
                new java.util.HashMap<>(java.util.Map.of("c", true))), "e", "x\né\""),
                Map.of("a", ((Map<?, ?>) v).get("a"), "b", Map.of("c", ((Map<?, ?>) ((Map<?, ?>) v).get("b")).get("c")),
                        "e", ((Map<?, ?>) v).get("e")));
        assertEquals(true, ((Map<?, ?>) ((Map<?, ?>) v).get("b")).containsKey("d"));
    }

    @Test
    void writesWhatItReads() throws Exception {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("x", List.of(1.5, 2.0, "t\"ab\t"));
        m.put("y", 0.1);
        m.put("nan", Double.NaN);
        String text = Json.write(m);
        assertEquals("{\"x\":[1.5,2,\"t\\\"ab\\t\"],\"y\":0.1,\"nan\":null}", text);
        assertEquals(List.of(1.5, 2.0, "t\"ab\t"), ((Map<?, ?>) Json.parse(text)).get("x"));
    }

    @Test
    void rejectsWithPosition() {
        String[][] cases = {
            {"[1, 2,]", "unexpected character ']', expected a value at line 1, column 7"},
            {"{\"a\": 1,}", "expected a string key in quotes at line 1, column 9"},
            {"[NaN]", "'NaN' is not valid JSON (numbers must be finite) at line 1, column 2"},
            {"[01]", "leading zero in number at line 1, column 3"},
            {"{\"a\": 1, \"a\": 2}", "duplicate key \"a\" at line 1, column 10"},
            {"[1] x", "unexpected text after the JSON value at line 1, column 5"},
            {"['a']", "unexpected character ''', expected a value at line 1, column 2"},
            {"[1,\n 2", "expected ',' or ']' in array at line 2, column 3"},
            {"\"abc", "unterminated string at line 1, column 5"},
            {"", "unexpected end of text, expected a value at line 1, column 1"},
            {"{\"a\" 1}", "expected ':' at line 1, column 6"},
            {"[1e]", "expected a digit in the exponent at line 1, column 4"},
            {"[\"\\x\"]", "unknown escape '\\x' at line 1, column 4"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], assertThrows(Json.SyntaxException.class, () -> Json.parse(c[0]), c[0]).getMessage(), c[0]);
        }
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertEquals("nesting deeper than 256 levels at line 1, column 257",
                assertThrows(Json.SyntaxException.class, () -> Json.parse(deep)).getMessage());
    }

    private enum Status { COMPLETED }

    @Test
    void prettyOutputIndentsObjectsKeepsPlainArraysOnOneLineAndReadsBack() throws Exception {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", Status.COMPLETED);
        m.put("row", new long[] {1, 2});
        m.put("grid", new int[][] {{1, 2}, {3}});
        m.put("empty", Map.of());
        m.put("runs", List.of(Map.of("f", 0.5f)));
        String pretty = Json.writePretty(m);
        assertEquals("""
                {
                  "status": "COMPLETED",
                  "row": [1,2],
                  "grid": [
                    [1,2],
                    [3]
                  ],
                  "empty": {},
                  "runs": [
                    {
                      "f": 0.5
                    }
                  ]
                }
                """, pretty);
        assertEquals("{\"status\":\"COMPLETED\",\"row\":[1,2],\"grid\":[[1,2],[3]],\"empty\":{},\"runs\":[{\"f\":0.5}]}",
                Json.write(m));
        assertEquals(Json.parse(Json.write(m)), Json.parse(pretty));
    }

    @Test
    void refusesToWriteWhatJsonCannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.write(Map.of("when", new Object())));
        assertEquals("cannot write java.lang.Object as JSON", e.getMessage());
    }
}
