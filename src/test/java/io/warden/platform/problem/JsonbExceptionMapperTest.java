package io.warden.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonbExceptionMapperTest {

    @Test
    void topLevelFieldNamed() {
        assertEquals(Optional.of("scopes"), JsonbExceptionMapper.fieldOf("Unable to deserialize property 'scopes' "
                + "because of: Cannot deserialize JSON value into type: java.util.List"));
    }

    @Test
    void nestedFieldJoinedWithDots() {
        assertEquals(Optional.of("workspaceAccess.workspaceIds"), JsonbExceptionMapper.fieldOf(
                "Unable to deserialize property 'workspaceAccess' because of: Unable to deserialize property "
                        + "'workspaceIds' because of: Cannot deserialize"));
    }

    @Test
    void syntaxErrorNamesNoField() {
        assertEquals(Optional.empty(), JsonbExceptionMapper.fieldOf("Invalid token=EOF at (line no=1, column no=13)"));
    }

    @Test
    void quotedBodyTextIgnored() {
        assertEquals(Optional.empty(), JsonbExceptionMapper.fieldOf("Unable to deserialize property 'a b<script>' "
                + "because of: x"));
    }

    @Test
    void missingMessageNamesNoField() {
        assertEquals(Optional.empty(), JsonbExceptionMapper.fieldOf(null));
    }
}
