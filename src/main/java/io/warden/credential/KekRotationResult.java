package io.warden.credential;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * Outcome of one KEK rotation run, as returned by the API: ids and counts, never key material.
 * {@code verified + failed} is the number of stored encrypted secrets. {@code finished} is true once
 * the old KEKs are retired; otherwise a later run resumes the rotation.
 */
@JsonbPropertyOrder({"kekId", "finished", "resumed", "rewrapped", "verified", "failed", "retiredKekIds"})
public record KekRotationResult(String kekId, boolean finished, boolean resumed, long rewrapped, long verified,
        long failed, List<String> retiredKekIds) {
}
