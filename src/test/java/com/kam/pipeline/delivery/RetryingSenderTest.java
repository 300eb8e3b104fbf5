package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A real SMTP server that comes up while a mail is being retried: the mail goes out once. */
class RetryingSenderTest {

    @TempDir
    Path dir;

    @Test
    void aServerThatComesBackDuringTheBackoffGetsTheMailExactlyOnce() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        DeliverySettings settings = new DeliverySettings(Path.of("jobs/distribution.yml"), "kam@example.com", 10_000_000, "",
                new DeliverySettings.Retry(6, Duration.ofMillis(100), 2.0), Duration.ofSeconds(30), false);
        Path pdf = dir.resolve("digest_T1_2026-10-30_zh.pdf");
        Files.write(pdf, ArchiveFixture.onePagePdf("DIGEST TEAM T1"));
        LocalDate day = LocalDate.of(2026, 10, 30);
        MailPlan mail = new MailPlan(new Person("L1", "林主任", "TEAM_LEAD", "lead@example.com", "zh", null, "T1", "EAST"),
                "DIGEST", day, day, List.of(new ArchivedReport(1, "DIGEST", "TEAM", "T1", "上海办事处", day, day, "zh", day, pdf,
                Files.size(pdf))));
        SmtpTransport transport = new SmtpTransport(sender);
        MimeMessage message = new MailComposer(settings).compose(transport.session(), mail, false);
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            // the server is down for the first tries and up after about 250 ms
            CompletableFuture<Void> comesBack = CompletableFuture.runAsync(smtp::start,
                    CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS));

            RetryingSender.Outcome outcome = new RetryingSender(settings.retry()).send(transport, message, mail.key());

            comesBack.get(5, TimeUnit.SECONDS);
            assertThat(outcome.delivered()).as(outcome.error()).isTrue();
            assertThat(outcome.attempts()).isBetween(2, 6);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("[大客户管理] 销售日报摘要：2026-10-30");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aBadAddressIsPermanentAndAConnectionFailureIsNot() {
        assertThat(RetryingSender.isPermanent(new org.springframework.mail.MailSendException("x",
                new jakarta.mail.SendFailedException("550 5.1.1 user unknown")))).isTrue();
        assertThat(RetryingSender.isPermanent(new org.springframework.mail.MailSendException("x",
                new jakarta.mail.SendFailedException("451 4.3.0 try again later")))).isFalse();
        assertThat(RetryingSender.isPermanent(new org.springframework.mail.MailSendException("Mail server connection failed",
                new jakarta.mail.MessagingException("Couldn't connect to host", new java.net.ConnectException("refused")))))
                .isFalse();
        assertThat(RetryingSender.isPermanent(new org.springframework.mail.MailPreparationException("bad address"))).isTrue();
    }
}
