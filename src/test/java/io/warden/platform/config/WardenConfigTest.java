package io.warden.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WardenConfigTest {

    private static final String NAME = "WARDEN_EXPIRY_NOTICE_DAYS";

    @Test
    void dayListParsesLargestFirst() {
        assertEquals(List.of(14, 7, 1), WardenConfig.parseDayList(NAME, "1,14,7"));
    }

    @Test
    void dayListIgnoresSpacesAndRepeats() {
        assertEquals(List.of(30, 3), WardenConfig.parseDayList(NAME, " 3 , 30,3 "));
    }

    @Test
    void singleDayParses() {
        assertEquals(List.of(2), WardenConfig.parseDayList(NAME, "2"));
    }

    @Test
    void invalidDayListsAreRejected() {
        List<String> invalid = List.of("abc", "7,x", "0", "14,0", "-1", "7,,1", "1.5", " ", "7;1", "99999999999");
        for (String value : invalid) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> WardenConfig.parseDayList(NAME, value), value);
            assertTrue(error.getMessage().contains(NAME), error.getMessage());
            assertTrue(error.getMessage().contains("'" + value + "'"), error.getMessage());
        }
    }
}
