package domain

// Funding statuses of an intervention record or a community priority: what the CCM did with it.
const (
	FundingAllocation  = "allocation"
	FundingPAAR        = "paar"
	FundingNotIncluded = "not_included"
)

// FundingStatuses are the funding statuses in the order forms, charts and tables list them.
var FundingStatuses = []string{FundingAllocation, FundingPAAR, FundingNotIncluded}

// fundingNames are the funding statuses as the pages, the concept note and the workbook name them: the
// three had "In the allocation", "Within the allocation", "Above allocation (PAAR)" and "Above the
// allocation (PAAR)" for the same two things.
var fundingNames = map[string][2]string{
	FundingAllocation:  {"Within the allocation", "В пределах аллокации"},
	FundingPAAR:        {"Above the allocation (PAAR)", "Сверх аллокации (PAAR)"},
	FundingNotIncluded: {"Not included", "Не включено"},
}

// FundingStatusName names a funding status in lang ("en" or "ru", English otherwise); an unknown status
// is returned as it is.
func FundingStatusName(status, lang string) string { return nameIn(fundingNames, status, lang) }
