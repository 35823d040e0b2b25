using DebtShield.Core.Screenshots;
using DebtShield.Import.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

public sealed class ScriptChoiceTests
{
    // A few lines of OpenCC's table: a simplified character, a tab, its traditional forms.
    private static readonly CharacterForms Forms = CharacterForms.Parse(
        "还\t還\n们\t們\n计\t計\n划\t劃\n结\t結\n迁\t遷\n户\t戶\n尊\t尊\n请\t請\n时\t時\n尽\t盡 儘\n处\t處\n这\t這\n个\t個\n资\t資\n发\t發 髮\n");

    [Fact]
    public void For_EachModelReadAFormOnlyItsScriptWritesAtOnePlace_KeepsTheSurerModelsReading()
    {
        // A traditional bubble: chi_sim read 還 as 迁 (a simplified form, not of 還), sure enough of the
        // bubble (0.87) for no confidence rule; chi_tra read 還 and was surer. One of them misread that glyph.
        var choice = ScriptChoice.For([Line("周先生，假期结束，咱们聊聊迁款计划？", 0.87)], [Line("周先生，假期結束，咱們聊聊還款計劃？", 0.92)], Forms);

        Assert.Equal(new ScriptChoice(true, ReadDoubts.None), choice);
    }

    [Fact]
    public void For_AContestedPlaceWithTheModelsAboutAsSure_IsDoubtfulInScript()
    {
        var choice = ScriptChoice.For([Line("周先生，假期结束，咱们聊聊迁款计划？", 0.89)], [Line("周先生，假期結束，咱們聊聊還款計劃？", 0.91)], Forms);

        Assert.Equal(new ScriptChoice(true, ReadDoubts.ScriptUnsure), choice);
    }

    [Fact]
    public void For_AnUnsureBubbleKeptTraditionalOnConfidenceWhileTheReadingsDisagreeWhereTheScriptsWriteAlike_IsDoubtfulInScript()
    {
        // A simplified bubble: chi_sim misread 敬 as 克 and was unsure; chi_tra read its own forms (戶)
        // and was surer. No glyph tells the script; the misread 克 says why chi_sim was unsure.
        var choice = ScriptChoice.For([Line("尊克的用，请及时还款", 0.80)], [Line("尊敬的用戶，請及時還款", 0.90)], Forms);

        Assert.Equal(new ScriptChoice(true, ReadDoubts.ScriptUnsure), choice);
    }

    [Fact]
    public void For_AnUnsureBubbleKeptTraditionalOnConfidenceWhileChiSimMisreadACharacterBothScriptsWrite_IsDoubtfulInScript()
    {
        // As above, with OpenCC's own line for 克: traditional text writes it so too (and 剋). chi_sim's
        // 克 for 敬 is still a misreading where the scripts write alike, not a form.
        var forms = CharacterForms.Parse("克\t克 剋\n户\t戶\n请\t請\n时\t時\n还\t還\n");

        var choice = ScriptChoice.For([Line("尊克的用，请及时还款", 0.80)], [Line("尊敬的用戶，請及時還款", 0.90)], forms);

        Assert.Equal(new ScriptChoice(true, ReadDoubts.ScriptUnsure), choice);
    }

    [Fact]
    public void For_AVoteForTheLessSureModelWhoseReadingDroppedCharactersTheScriptsWriteAlike_IsDoubtfulInScript()
    {
        // A simplified bubble chi_sim read surely and right; chi_tra, less sure, dropped 逾期 and read
        // 貨: aligned, 貨 faces 逾 (a glyph only chi_tra "could read"), one vote for a misreading.
        var forms = CharacterForms.Parse("贷\t貸\n货\t貨\n户\t戶\n");

        var choice = ScriptChoice.For([Line("您的网贷逾期已移交户籍地", 0.91)], [Line("您的网貨已移交戶籍地", 0.80)], forms);

        Assert.Equal(ReadDoubts.ScriptUnsure, choice.Doubts & ReadDoubts.ScriptUnsure);
    }

    [Fact]
    public void For_AVoteForTheSurerModel_IsNotDoubtedForDisagreeingElsewhere()
    {
        // A traditional bubble: chi_sim read 還 as 膛 and misread 聊 too; chi_tra was surer.
        var choice = ScriptChoice.For([Line("咱们聊柳膛款计划", 0.82)], [Line("咱們聊聊還款計劃", 0.93)], Forms);

        Assert.Equal(new ScriptChoice(true, ReadDoubts.None), choice);
    }

    [Fact]
    public void For_AGlyphOnlyTheOtherModelReadInAFormOfItsOwnScript_IsDoubtfulInScript()
    {
        // A traditional reply chi_sim read surely in its own forms but for 還, which it dropped: no
        // glyph voted and nothing else differs, yet chi_tra read there a form only traditional text writes.
        var forms = CharacterForms.Parse("会\t會\n时\t時\n还\t還\n谢\t謝\n");

        var choice = ScriptChoice.For([Line("我会按时款谢，谢", 0.93)], [Line("我會按時還款，謝謝", 0.93)], forms);

        Assert.Equal(new ScriptChoice(false, ReadDoubts.ScriptUnsure), choice);
    }

    [Fact]
    public void For_AnUnsureBubbleTheSurerModelReadInItsOwnFormsAlone_KeepsThatReadingUndoubted()
    {
        // Traditional glyphs chi_sim read in its own forms, unsure of them: the readings agree but for the forms.
        var choice = ScriptChoice.For([Line("尊敬的用户，请及时还款", 0.80)], [Line("尊敬的用戶，請及時還款", 0.92)], Forms);

        Assert.Equal(new ScriptChoice(true, ReadDoubts.None), choice);
    }

    [Fact]
    public void For_ASureBubbleTheGlyphsDoNotPlace_KeepsTheSimplifiedReading()
    {
        var choice = ScriptChoice.For([Line("我这个月工资发了就还", 0.95)], [Line("我這個月工資發了就還", 0.95)], Forms);

        Assert.Equal(new ScriptChoice(false, ReadDoubts.None), choice);
    }

    [Fact]
    public void For_ReadingsThatDifferWhereTheScriptsWriteAlike_Disagree()
    {
        // Both scripts write 11月15日之前一定 alike; the readings share almost none of it.
        var choice = ScriptChoice.For([Line("L1上則前上", 0.53)], [Line("11月15日之前一定还上", 0.70)], Forms);

        Assert.Equal(ReadDoubts.ReadingsDisagree, choice.Doubts & ReadDoubts.ReadingsDisagree);
    }

    [Fact]
    public void For_ReadingsThatDifferOnlyInTheScriptsFormsAndPunctuation_DoNotDisagree()
    {
        var choice = ScriptChoice.For([Line("我这个月工资发了就还。", 0.95)], [Line("我這個月工資發了就還", 0.93)], Forms);

        Assert.Equal(ReadDoubts.None, choice.Doubts);
    }

    private static OcrLine Line(string text, double confidence) => new(text, new PixelBox(200, 450, 640, 44), confidence, text.Length);
}
