using DebtShield.Core.Reading;
using DebtShield.Import.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

public sealed class CharacterFormsTests
{
    // A few lines of OpenCC's table: a simplified character, a tab, its traditional forms.
    private static readonly CharacterForms Forms = CharacterForms.Parse("# header\n还\t還\n们\t們\n计\t計\n划\t劃\n紧\t緊\n系\t系 係 繫\n尽\t盡 儘\n条\t條\n于\t於 于\n呆\t呆 待\n诉\t訴\n");

    [Fact]
    public void Votes_ATraditionalGlyphTheSimplifiedModelReadAsACommonLookAlike_VotesTraditional()
    {
        // chi_sim read 還 as 膛 (written alike in both scripts, not 還's simplified form 还).
        var votes = Forms.Votes("咱们聊聊膛款计划", "咱們聊聊還款計劃");

        Assert.Equal(new ScriptVotes(Traditional: 1, Simplified: 0), votes);
    }

    [Fact]
    public void Votes_ASimplifiedGlyphTheTraditionalModelReadAsACommonLookAlike_VotesSimplified()
    {
        var votes = Forms.Votes("请尽快处理", "请表快处理");

        Assert.Equal(new ScriptVotes(Traditional: 0, Simplified: 1), votes);
    }

    [Theory]
    [InlineData("咱们聊聊还款计划", "咱們聊聊還款計劃")] // each model read its own forms: nothing seen
    [InlineData("联紧客服", "聯繫客服")] // 紧 and 繫 are both forms of one script: no glyph told
    [InlineData("我会尽快处理", "我會條快處理")]
    [InlineData("于是", "於是")]
    public void Votes_OwnFormsOrScriptFormsOnBothSides_SayNothing(string simplified, string traditional)
    {
        Assert.Equal(default, Forms.Votes(simplified, traditional));
    }

    [Fact]
    public void Votes_ReadingsOfDifferentLengths_AlignedBeforeCompared()
    {
        // chi_tra read an extra comma at the start and dropped the last character.
        var votes = Forms.Votes("聊聊膛款计划？", ",聊聊還款計劃");

        Assert.Equal(new ScriptVotes(Traditional: 1, Simplified: 0), votes);
    }

    [Fact]
    public void Votes_AFormTraditionalTextSharesWithSimplifiedText_IsNoSignOfTraditional()
    {
        // 待 is listed as a form of 呆, but simplified text writes 待 too: chi_sim's 竺 for it says nothing.
        var votes = Forms.Votes("让你在公司竺不下去", "讓你在公司待不下去");

        Assert.Equal(default, votes);
    }

    [Fact]
    public void Votes_ACharacterDroppedBesideAScriptPair_PairsTheFormsNotTheNeighbour()
    {
        // chi_tra dropped 你 after 起訴: 你 must not be compared with 訴.
        var votes = Forms.Votes("就起诉你，到", "就起訴，到");

        Assert.Equal(default, votes);
    }

    [Fact]
    public void Parse_ALineWithoutItsForms_IsALocatedProblemOfTheTableNamingFileAndLine()
    {
        var problem = Assert.Throws<DataFileException>(() => CharacterForms.Parse("还\t還\n们\n"));

        Assert.Equal("STCharacters.txt", problem.File);
        Assert.Equal(2, problem.Problem.Location.Line);
        Assert.Equal("STCharacters.txt:2: expected a character, a tab and its traditional forms", problem.Message);
    }

    [Fact]
    public void Compare_EachModelReadItsOwnScriptsFormOfNeitherOthers_IsContestedNotAVote()
    {
        var forms = CharacterForms.Parse("还\t還\n迁\t遷\n");

        var comparison = forms.Compare("聊聊迁款", "聊聊還款");

        Assert.Equal(new ReadingComparison(default, Contested: 1, Disagreements: 0, Length: 4), comparison);
    }

    [Fact]
    public void Compare_ACharacterBothScriptsWriteAlikeReadOtherwiseOrDropped_CountsAsDisagreements()
    {
        // 戚 read 威 by one model (both written alike in the two scripts), 死 dropped by the other; the comma left out.
        var comparison = Forms.Compare("别装死，你的亲威", "别装，你的亲戚");

        Assert.Equal(new ReadingComparison(default, Contested: 0, Disagreements: 2, Length: 7), comparison);
    }

    [Fact]
    public void Compare_ACharacterBothScriptsWriteThatHasAnotherTraditionalFormTooReadOtherwise_CountsAsADisagreement()
    {
        // OpenCC's lines: traditional text writes 克 and 戚 as themselves too (and also 剋, 慼), so
        // neither says anything of the script; chi_sim's 克 for 敬 and 威 for 戚 are misreadings.
        var forms = CharacterForms.Parse("克\t克 剋\n戚\t戚 慼 鏚\n户\t戶\n亲\t親\n");

        var comparison = forms.Compare("尊克的用户你的亲威", "尊敬的用戶你的親戚");

        Assert.Equal(new ReadingComparison(default, Contested: 0, Disagreements: 2, Length: 9), comparison);
    }
}
