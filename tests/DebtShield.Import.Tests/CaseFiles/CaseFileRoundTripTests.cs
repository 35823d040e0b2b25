using System.Text;
using DebtShield.Import.CaseFiles;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Import.Tests.CaseFiles;

public sealed class CaseFileRoundTripTests
{
    [Fact]
    public void Read_WrittenHandWrittenCase_HoldsTheSameFacts()
    {
        var original = CaseSamples.HandWritten();

        var reading = CaseFileReader.Read(Write(original));

        Assert.True(reading.Succeeded, string.Join("; ", reading.Errors));
        CaseFacts.AssertSame(original, reading.Content);
    }

    [Fact]
    public void Write_HandWrittenCase_IsTheDocumentedShape()
    {
        // Given the case of docs/case-format.md, when written, then exactly these bytes: camelCase,
        // Chinese as it is, exact amounts without trailing zeros, absent fields left out.
        var text = Encoding.UTF8.GetString(Write(CaseSamples.HandWritten()));

        Assert.Equal(
            """
            {
              "format": "debtshield-case",
              "version": 1,
              "case": {
                "title": "我的网贷",
                "borrower": {
                  "name": "张三",
                  "phone": "13800000000",
                  "idNumber": "110101199001011234"
                },
                "notes": "催收员 2026-04-01 打了我妈妈的电话。",
                "budget": [
                  {
                    "kind": "income",
                    "name": "工资",
                    "monthly": 6000
                  },
                  {
                    "kind": "essential_expense",
                    "name": "房租",
                    "monthly": 1500
                  },
                  {
                    "kind": "income",
                    "name": "兼职",
                    "monthly": 833.33
                  }
                ]
              },
              "loans": [
                {
                  "id": "my-loan",
                  "lender": {
                    "name": "某某借款App",
                    "kind": "online_platform"
                  },
                  "contractDate": "2026-03-15",
                  "principal": 10000,
                  "received": 8000,
                  "upfrontFees": [
                    {
                      "name": "会员费",
                      "amount": 299,
                      "date": "2026-03-15"
                    }
                  ],
                  "schedule": [
                    {
                      "dueDate": "2026-04-15",
                      "principal": 833.33,
                      "interest": 150,
                      "fees": 166.67,
                      "total": 1150
                    },
                    {
                      "dueDate": "2026-05-15",
                      "total": 1150
                    }
                  ],
                  "payments": [
                    {
                      "date": "2026-04-15",
                      "amount": 1150
                    }
                  ],
                  "stated": {
                    "value": 0.0005,
                    "per": "day",
                    "method": "nominal"
                  },
                  "overdueTerms": {
                    "rate": {
                      "value": 0.0005,
                      "per": "day"
                    },
                    "penalty": {
                      "amount": 200
                    },
                    "otherFees": 50
                  }
                },
                {
                  "id": "信用卡分期",
                  "lender": {
                    "kind": "bank"
                  },
                  "contractDate": "2025-12-01",
                  "principal": 3000.5,
                  "received": 3000.5,
                  "schedule": [
                    {
                      "dueDate": "2026-01-01",
                      "total": 3100.25
                    }
                  ]
                }
              ]
            }

            """,
            text);
    }

    [Fact]
    public void Write_AnyCase_HasNoByteOrderMark()
    {
        var bytes = Write(CaseSamples.HandWritten());

        Assert.Equal((byte)'{', bytes[0]);
    }

    [Property(MaxTest = 200)]
    public Property Read_WrittenGeneratedCase_HoldsTheSameFacts() =>
        Prop.ForAll(CaseSamples.Cases(), original =>
        {
            var reading = CaseFileReader.Read(Write(original));

            Assert.True(reading.Succeeded, string.Join("; ", reading.Errors));
            CaseFacts.AssertSame(original, reading.Content);
        });

    [Property(MaxTest = 200)]
    public Property Write_CaseReadBack_GivesTheSameBytes() =>
        Prop.ForAll(CaseSamples.Cases(), original =>
        {
            var first = Write(original);

            var second = Write(CaseFileReader.Read(first).Content!);

            Assert.Equal(first, second);
        });

    [Fact]
    public void ReadFile_WrittenFile_HoldsTheSameFacts()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        var original = CaseSamples.HandWritten();
        try
        {
            using (var file = File.Create(path))
            {
                CaseFileWriter.Write(file, original);
            }

            var reading = CaseFileReader.ReadFile(path);

            Assert.True(reading.Succeeded);
            CaseFacts.AssertSame(original, reading.Content);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Write(CaseFileContent content)
    {
        using var stream = new MemoryStream();
        CaseFileWriter.Write(stream, content);
        return stream.ToArray();
    }
}
