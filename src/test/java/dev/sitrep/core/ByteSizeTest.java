package dev.sitrep.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizeTest {

    @Test
    void readsTheWaysPeopleWriteSizes() {
        assertThat(ByteSize.parse("8GiB")).isEqualTo(8L << 30);
        assertThat(ByteSize.parse(" 8 gb ")).isEqualTo(8L << 30);
        assertThat(ByteSize.parse("512MiB")).isEqualTo(512L << 20);
        assertThat(ByteSize.parse("1.5g")).isEqualTo(3L << 29);
        assertThat(ByteSize.parse("4096")).isEqualTo(4096);
        assertThat(ByteSize.parse("2T")).isEqualTo(2L << 40);
        assertThatThrownBy(() -> ByteSize.parse("8 gigs")).hasMessageContaining("8GiB, 512MiB or 4096");
        assertThatThrownBy(() -> ByteSize.parse("-1")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ByteSize.parse(null)).hasMessageContaining("not a size");
    }

    @Test
    void writesThemInTheLargestFittingUnit() {
        assertThat(ByteSize.format(8L << 30)).isEqualTo("8.0 GiB");
        assertThat(ByteSize.format(3L << 19)).isEqualTo("1.5 MiB");
        assertThat(ByteSize.format(2048)).isEqualTo("2 KiB");
        assertThat(ByteSize.format(1)).isEqualTo("1 byte");
        assertThat(ByteSize.format(0)).isEqualTo("0 bytes");
    }
}
