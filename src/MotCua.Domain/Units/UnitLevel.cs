namespace MotCua.Domain.Units;

/// <summary>The tier of an organisational unit in the state administration.</summary>
/// <remarks>Since 1 July 2025 local government has two tiers (province, commune); see domain.md §0.3.</remarks>
public enum UnitLevel
{
    /// <summary>A ministry or ministry-level agency (bộ, cơ quan ngang bộ).</summary>
    Ministry,

    /// <summary>A province or centrally-run city: its People's Committee (UBND tỉnh/thành phố).</summary>
    Province,

    /// <summary>A provincial department or equivalent agency (sở, ban, ngành cấp tỉnh).</summary>
    ProvincialDepartment,

    /// <summary>A district (huyện, thị xã, thành phố thuộc tỉnh): historical, valid until 30 June 2025.</summary>
    District,

    /// <summary>A commune-level unit (xã, phường, đặc khu): its People's Committee.</summary>
    Commune,

    /// <summary>A vertically managed branch office located in the province (cơ quan ngành dọc).</summary>
    VerticalBranch,
}
