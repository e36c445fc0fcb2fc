package dev.taskstream.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class McpCallLimitsTest {

    private final McpCallLimits limits = new McpCallLimits(3, 2);

    @Test
    void oneUserGetsTheirShareAndTheOthersTheRest() {
        assertThat(limits.tryAcquire("ann")).isTrue();
        assertThat(limits.tryAcquire("ann")).isTrue();
        assertThat(limits.tryAcquire("ann")).as("ann's third at once").isFalse();
        assertThat(limits.tryAcquire("bob")).isTrue();
        assertThat(limits.tryAcquire("cem")).as("all three taken").isFalse();

        limits.release("ann");
        assertThat(limits.tryAcquire("cem")).isTrue();
        assertThat(limits.tryAcquire("ann")).as("the freed place went to cem").isFalse();
    }

    @Test
    void aRefusedCallTakesNoPlace() {
        limits.tryAcquire("ann");
        limits.tryAcquire("ann");
        for (int i = 0; i < 10; i++) {
            assertThat(limits.tryAcquire("ann")).isFalse();
        }
        limits.release("ann");
        limits.release("ann");
        assertThat(limits.tryAcquire("bob")).isTrue();
        assertThat(limits.tryAcquire("cem")).isTrue();
        assertThat(limits.tryAcquire("ann")).isTrue();
    }
}
