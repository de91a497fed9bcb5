package nl.proeftuin.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's part in class data sharing: the key of an archive counts only once the platform served. */
class ClassDataSharingTest {

    @TempDir
    Path cds;

    @AfterEach
    void noRecording() {
        System.clearProperty(ClassDataSharing.RECORDING_PROPERTY);
    }

    @Test
    void withoutARecordingNothingIsWritten() throws Exception {
        assertThat(ClassDataSharing.confirmRecording()).isNull();
        assertThat(cds).isEmptyDirectory();
    }

    @Test
    void theKeyOfTheRecordingBecomesTheKeyTheNextStartChecks() throws Exception {
        Path pending = Files.writeString(cds.resolve("key.recording"), "jdk 17, lib/*.jar");
        System.setProperty(ClassDataSharing.RECORDING_PROPERTY, pending.toString());

        Path key = ClassDataSharing.confirmRecording();

        assertThat(key).isEqualTo(cds.resolve("key")).hasContent("jdk 17, lib/*.jar");
        assertThat(pending).doesNotExist();
    }

    @Test
    void aRecordingTakenOverByAnotherStartIsLeftAlone() throws Exception {
        System.setProperty(ClassDataSharing.RECORDING_PROPERTY, cds.resolve("key.recording").toString());

        assertThat(ClassDataSharing.confirmRecording()).isNull();
        assertThat(cds.resolve("key")).doesNotExist();
    }
}
