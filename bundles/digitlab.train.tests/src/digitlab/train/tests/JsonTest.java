package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.train.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void roundTrip() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"quoted\" \\ line\nbreak \u0001");
        m.put("n", 0.125);
        m.put("i", 42);
        m.put("nan", Double.NaN);
        m.put("b", true);
        m.put("nul", null);
        m.put("ints", new int[] {1, 2, 3});
        m.put("nested", List.of(Map.of("k", "v"), List.of()));
        for (String text : List.of(Json.write(m), Json.writePretty(m))) {
            Map<String, Object> back = Json.parseObject(text);
            assertEquals(m.get("s"), back.get("s"));
            assertEquals(0.125, back.get("n"));
            assertEquals(42.0, back.get("i"));
            assertEquals(null, back.get("nan"));
            assertTrue(back.containsKey("nul"));
            assertEquals(List.of(1.0, 2.0, 3.0), back.get("ints"));
            assertEquals(List.of(Map.of("k", "v"), List.of()), back.get("nested"));
        }
        assertEquals("{\"a\":[1,2.5]}", Json.write(Map.of("a", new double[] {1, 2.5})));
    }

    @Test
    void strictReader() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\":1,}", "{\"a\":1}x", "01", "NaN", "'a'", "{\"a\":1,\"a\":2}",
                "\"unterminated", "[1 2]", "{a:1}", "tru")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().matches("JSON: .* at line \\d+, column \\d+"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(500) + "]".repeat(500)));
    }
}
