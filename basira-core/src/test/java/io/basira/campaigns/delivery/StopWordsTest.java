package io.basira.campaigns.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StopWordsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "STOP",
                "stop",
                " Stop. ",
                "STOP!!",
                "StopAll",
                "UNSUBSCRIBE",
                "cancel",
                "END",
                "quit",
                "opt-out",
                "OPTOUT",
                "إيقاف",
                "ايقاف",
                "إيـقـاف",
                "إِيقَاف",
                "أوقف",
                "توقف",
                "وقف",
                "إلغاء",
                "الغاء",
                "الغ",
                "إلغاء الاشتراك",
                "الغاء  الاشتراك",
                "ايقاف الرسائل",
                "لا ترسل",
                "🛑 إيقاف",
                "\u200Fإيقاف\u200F"
            })
    void a_stop_in_either_language_is_a_stop(String reply) {
        assertThat(StopWords.isStop(reply)).as(reply).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "don't stop",
                "please stop sending",
                "لا تلغي طلبي",
                "متى يوصل الطلب؟",
                "شكرا",
                "STOPPED",
                "stops",
                "yes",
                "نعم",
                "1"
            })
    void anything_else_is_not(String reply) {
        assertThat(StopWords.isStop(reply)).as(reply).isFalse();
    }
}
