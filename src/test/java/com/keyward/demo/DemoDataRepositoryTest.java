package com.keyward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@KeywardTest
class DemoDataRepositoryTest {

    @Autowired
    DemoDataRepository demo;

    @Value("${keyward.demo-data.synthetic-users}")
    int configured;

    @Test
    void theHighestSyntheticNumberIsWhatWasSeededSoARestartAddsNothing() {
        assertThat(configured).isPositive();
        assertThat(demo.highestSyntheticNumber()).isEqualTo(configured);
    }
}
