package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ProgressLineTest {

    @Test
    void aLineEveryTenSecondsAndOneWhenDone(CapturedOutput output) {
        AtomicLong nanos = new AtomicLong();
        ProgressLine line = new ProgressLine(LoggerFactory.getLogger(ProgressLineTest.class), nanos::get);
        for (int second = 1; second <= 25; second++) {
            nanos.set(second * 1_000_000_000L);
            line.step(false, "deliver: {} of {} mails done", second, 26);
        }
        nanos.set(26 * 1_000_000_000L);
        line.step(true, "deliver: {} of {} mails done", 26, 26);

        assertThat(output.getOut().lines().filter(l -> l.contains("mails done")).map(l -> l.replaceAll(".*deliver: ", "")))
                .containsExactly("10 of 26 mails done", "20 of 26 mails done", "26 of 26 mails done");
    }
}
