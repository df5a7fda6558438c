using MotCua.Domain.ParIndex;

namespace MotCua.Domain.Tests.ParIndex;

/// <summary>A small framework using every method, its totals known by hand: scored areas 1 (10) and 2 (10) = 20 points,
/// plus a bonus/penalty area capped at 2.</summary>
internal static class ParTestFramework
{
    public const string Json = """
        {
          "format": "motcua.parindex.framework/1",
          "code": "TEST-SO", "name": "Bộ chỉ số thử năm 2026", "year": 2026, "level": "Department", "version": 1,
          "decisionNumber": "12/QĐ-UBND", "decisionDate": "2026-01-15", "status": "Draft", "maxPoints": 20,
          "bands": [ { "code": "A", "label": "A", "minPercent": 90 }, { "code": "B", "label": "B", "minPercent": 80 },
                     { "code": "C", "label": "C", "minPercent": 70 }, { "code": "D", "label": "D", "minPercent": 0 } ],
          "areas": [
            { "code": "1", "name": "Chỉ đạo điều hành", "maxPoints": 10, "criteria": [
              { "code": "1.1", "name": "Kế hoạch", "maxPoints": 4, "subCriteria": [
                { "code": "1.1.1", "name": "Ban hành kế hoạch", "maxPoints": 1, "appliesTo": "Both", "dataSource": "Self", "appraisingDepartment": "SNV", "evidenceRequired": true,
                  "method": { "kind": "Checklist", "rows": [ { "code": "a", "text": "Đúng hạn", "points": 0.25 }, { "code": "b", "text": "Đủ nhiệm vụ", "points": 0.25 },
                                                             { "code": "c", "text": "Có sản phẩm", "points": 0.25 }, { "code": "d", "text": "Có kinh phí", "points": 0.25 } ] } },
                { "code": "1.1.2", "name": "Thực hiện kế hoạch", "maxPoints": 2, "method": { "kind": "Tiered", "tiers": [
                  { "code": "L1", "label": "100 %", "minPercent": 100, "points": 2 }, { "code": "L2", "label": "từ 80 %", "minPercent": 80, "points": 1 },
                  { "code": "L3", "label": "dưới 80 %", "minPercent": 0, "points": 0 } ] } },
                { "code": "1.1.3", "name": "Sáng kiến", "maxPoints": 1, "method": { "kind": "Binary" } }
              ] },
              { "code": "1.2", "name": "Báo cáo, kỷ luật", "maxPoints": 6, "subCriteria": [
                { "code": "1.2.1", "name": "Báo cáo đúng hạn", "maxPoints": 2, "method": { "kind": "Deduction", "pointsEach": 0.5 } },
                { "code": "1.2.2", "name": "Kỷ luật", "maxPoints": 2, "method": { "kind": "Deduction", "pointsEach": 1, "floor": 0.5 } },
                { "code": "1.2.3", "name": "Chỉ dành cho xã", "maxPoints": 2, "appliesTo": "Commune", "method": { "kind": "Binary" } }
              ] }
            ] },
            { "code": "2", "name": "Kết quả", "maxPoints": 10, "criteria": [
              { "code": "2.1", "name": "Hồ sơ", "subCriteria": [
                { "code": "2.1.1", "name": "Đúng hạn", "maxPoints": 4, "dataSource": "System", "method": { "kind": "SystemSourced", "formula": "dossier.on_time_rate", "targetPercent": 80 } },
                { "code": "2.1.2", "name": "Tinh giản", "maxPoints": 2, "method": { "kind": "Proportional", "cap": 1.5 } }
              ] },
              { "code": "2.2", "name": "Khảo sát", "subCriteria": [
                { "code": "2.2.1", "name": "SIPAS", "maxPoints": 2, "dataSource": "Survey", "method": { "kind": "Survey" } },
                { "code": "2.2.2", "name": "Thang 1–5", "maxPoints": 2, "dataSource": "Survey", "method": { "kind": "Survey", "scaleMin": 1, "scaleMax": 5 } }
              ] }
            ] },
            { "code": "9", "name": "Điểm thưởng, điểm trừ", "bonusPenalty": true, "cap": 2, "criteria": [
              { "code": "9.1", "name": "Thưởng", "subCriteria": [
                { "code": "9.1.1", "name": "Sáng kiến được công nhận", "maxPoints": 2, "method": { "kind": "PerOccurrence", "pointsEach": 0.5 } } ] },
              { "code": "9.2", "name": "Trừ", "subCriteria": [
                { "code": "9.2.1", "name": "Chậm báo cáo", "maxPoints": -2, "method": { "kind": "PerOccurrence", "pointsEach": 0.5 } },
                { "code": "9.2.2", "name": "Sai phạm", "maxPoints": -3, "method": { "kind": "Binary" } } ] }
            ] }
          ]
        }
        """;

    public static ParFrameworkDefinition Definition
    {
        get
        {
            var (definition, problems) = ParFrameworkJson.Parse(Json);
            Assert.Empty(problems);
            return definition!;
        }
    }
}
