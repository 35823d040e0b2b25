using System.Globalization;
using System.Text.Json.Nodes;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Reading;
using DebtShield.Import.LegalData;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.LegalData;

public sealed class LegalDataReaderTests
{
    public static TheoryData<string, string, string> PublishedCaps()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var cells in File.ReadLines(Path.Combine(RepositoryPaths.TestVectors, "legal", "private-lending-caps.csv")).Skip(1)
                     .Where(line => line.Length > 0)
                     .Select(line => line.Split(',')))
        {
            rows.Add(cells[0], cells[1], cells[2]);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(PublishedCaps))]
    public void Rules_PublishedContractDates_GiveThePublishedLprAndCap(string contractDate, string lprPercent, string capPercent)
    {
        var rules = LegalDataReader.Rules;
        var date = DateOnly.ParseExact(contractDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var fixing = rules.Lpr.InForceOn(date)!;

        Assert.Equal(decimal.Parse(lprPercent, CultureInfo.InvariantCulture) / 100, fixing.OneYear);
        Assert.Equal(decimal.Parse(capPercent, CultureInfo.InvariantCulture) / 100, rules.PrivateLprMultiple * fixing.OneYear);
    }

    [Fact]
    public void Rules_ShippedData_HasTheLinesTheEngineNeeds()
    {
        var rules = LegalDataReader.Rules;

        Assert.Equal(4m, rules.PrivateLprMultiple);
        Assert.Equal(new DateOnly(2020, 8, 20), rules.PrivateReformDate);
        Assert.Equal(0.24m, rules.LicensedCourtLine);
        Assert.Equal(0.24m, rules.OldPrivateLine);
        Assert.Equal(0.36m, rules.ThirtySixLine);
        Assert.Equal(new DateOnly(2019, 8, 20), rules.Lpr.FirstDate);
        Assert.Equal(Enum.GetValues<LegalFlagKind>().Length, rules.Flags.Count);
        Assert.Equal([LegalView.LicensedInstitution], rules.Kinds[LenderKind.Bank].Views.Select(v => v.View));
        Assert.Equal([LegalView.PrivateLending], rules.Kinds[LenderKind.PrivateIndividual].Views.Select(v => v.View));
        Assert.Equal([LegalView.PrivateLending, LegalView.LicensedInstitution], rules.Kinds[LenderKind.Unknown].Views.Select(v => v.View));
    }

    [Fact]
    public void Citations_EveryIdTheRulesUse_IsInTheCatalogue()
    {
        var rules = LegalDataReader.Rules;
        var used = rules.Flags.Values
            .Concat([rules.PrivateCap, rules.PrivateTransition, rules.OldPrivate, rules.LicensedCourt, rules.PrincipalBasis, rules.PaymentOrder, rules.RateMeasure])
            .SelectMany(b => b.Citations)
            .Distinct();

        Assert.All(used, id => Assert.True(LegalDataReader.Citations.ContainsKey(id), id));
    }

    [Fact]
    public void Data_EveryFile_SaysWhenItWasLastChecked()
    {
        foreach (var file in new[] { "lpr.json", "caps.json", "citations.json" })
        {
            var root = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Data("law", file)))!;
            Assert.True(DateOnly.TryParseExact(root["lastChecked"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), file);
            Assert.NotEmpty(root["source"]!.AsArray());
        }
    }

    [Fact]
    public void ReadRules_MissingField_NamesIt()
    {
        using var lpr = new MemoryStream("""{"fixings":[]}"""u8.ToArray());
        using var caps = new MemoryStream("""{"lines":[]}"""u8.ToArray());

        var error = Assert.Throws<DataFileException>(() => LegalDataReader.ReadRules(lpr, caps));

        Assert.Equal("caps.json", error.File);
        Assert.Equal("caps.json: lacks the field flags", error.Message);
    }
}
