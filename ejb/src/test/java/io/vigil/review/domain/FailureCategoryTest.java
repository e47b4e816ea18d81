package io.vigil.review.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureCategoryTest {

    @Test
    void aNewCategoryGetsAStableCodeFromItsName() {
        FailureCategory c = FailureCategory.named("  Talked over the caller ", 90);
        assertEquals("TALKED_OVER_THE_CALLER", c.code());
        assertEquals("Talked over the caller", c.label());
        assertEquals(90, c.position());
        assertTrue(c.active());
        assertEquals("WRONG_TOOL_ARGUMENTS", FailureCategory.named("Wrong tool (arguments)!", 1).code());
        assertEquals("CAFE_TONE", FailureCategory.named("Café tone", 1).code());
    }

    @Test
    void renamingKeepsTheCodeAndRetiringKeepsTheName() {
        FailureCategory c = FailureCategory.named("Tone", 80);
        FailureCategory renamed = c.relabelled("Tone of voice");
        assertEquals("TONE", renamed.code());
        assertEquals("Tone of voice", renamed.label());
        FailureCategory retired = renamed.retired();
        assertFalse(retired.active());
        assertEquals("Tone of voice", retired.label());
        assertTrue(retired.restored().active());
    }

    @Test
    void aNameIsRequiredAndMustMakeACode() {
        assertEquals("Give the category a name, e.g. \"Wrong tool\".",
                assertThrows(ReviewInputException.class, () -> FailureCategory.named(" ", 1)).getMessage());
        assertThrows(ReviewInputException.class, () -> FailureCategory.named("42", 1));
        assertThrows(ReviewInputException.class, () -> FailureCategory.named("!!", 1));
        assertThrows(ReviewInputException.class, () -> FailureCategory.named("x".repeat(121), 1));
        assertEquals(48, FailureCategory.named("a".repeat(120), 1).code().length());
    }
}
