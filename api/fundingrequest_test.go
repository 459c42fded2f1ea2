package api

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The funding request's records: intervention records, priorities, settings and the CCM process, each a
// versioned document with computed costs and findings of the check.

func pathOf(id, rest string) string { return "/api/v1/proposals/" + id + rest }

func ifMatch(v int) map[string]string { return map[string]string{"If-Match": fmt.Sprintf(`"%d"`, v)} }

// sampleRecords are three intervention records of a proposal in Russian only: NSP in the allocation
// (sampleBudget pays for it), naloxone in the PAAR and legal services left out.
func sampleRecords() []map[string]any {
	return []map[string]any{
		{"id": "nsp", "module": "pwid-prevention", "intervention": "needle-syringe-programs", "key_activities": "Выдача шприцев в Бишкеке и Оше",
			"rationale": "Охват ПОШ упал до 40%", "implementers": []string{"Сеть ЛУН"}, "funding_status": "allocation"},
		{"id": "naloxone", "module": "pwid-prevention", "intervention": "overdose-prevention", "key_activities": "Налоксон на руки",
			"rationale": "Передозировки растут", "implementers": []string{}, "funding_status": "paar", "paar_amount": 15_000_50},
		{"id": "legal", "module": "human-rights-barriers", "intervention": "legal-services", "key_activities": "Юристы сообщества",
			"rationale": "Задержания ЛУН", "implementers": []string{}, "funding_status": "not_included", "reason": "Покрывается другим донором"},
	}
}

func samplePriorities() []map[string]any {
	return []map[string]any{
		{"id": "p1", "title": "Доступ к ПОШ", "status": "allocation", "interventions": []string{"nsp"}},
		{"id": "p2", "title": "Налоксон", "status": "paar", "interventions": []string{"naloxone"}},
	}
}

func TestInterventionRecords(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner, editor, viewer := tm.people["owner"].token, tm.people["editor"].token, tm.people["viewer"].token
		path := pathOf(tm.id, "/interventions")

		empty := a.do(t, call{method: "GET", path: path, token: viewer}).want(200)
		if empty.Header().Get("ETag") != `"0"` || len(empty.json()["records"].([]any)) != 0 {
			t.Fatalf("unsaved records %s", empty.Body.String())
		}
		body := map[string]any{"records": sampleRecords()}
		a.do(t, call{method: "PUT", path: path, token: viewer, body: body, header: ifMatch(0)}).want(403)
		a.do(t, call{method: "GET", path: path, token: tm.people["stranger"].token}).want(404)
		a.do(t, call{method: "PUT", path: path, token: owner, body: body}).want(428)
		a.do(t, call{method: "PUT", path: path, token: editor, body: body, header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: path, token: owner, body: body, header: ifMatch(0)}).want(412)
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/budget"), token: owner, body: sampleBudget(), header: ifMatch(0)}).want(200)

		got := a.do(t, call{method: "GET", path: path, token: viewer}).want(200)
		if got.Header().Get("ETag") != `"1"` {
			t.Fatalf("ETag %q", got.Header().Get("ETag"))
		}
		records := got.json()["records"].([]any)
		cost := func(i int) map[string]any { return records[i].(map[string]any)["cost"].(map[string]any) }
		// NSP: 30 000.00 + 30 000.00 USD of budget lines; naloxone: its PAAR amount; legal: nothing.
		if cost(0)["allocation"].(float64) != 60_000_00 || cost(0)["total"].(float64) != 60_000_00 {
			t.Fatalf("NSP cost %v", cost(0))
		}
		if cost(1)["paar"].(float64) != 15_000_50 || cost(1)["allocation"].(float64) != 0 || cost(2)["total"].(float64) != 0 {
			t.Fatalf("costs %v %v", cost(1), cost(2))
		}
		if records[0].(map[string]any)["key_activities"] != "Выдача шприцев в Бишкеке и Оше" || got.json()["currency"] != "USD" {
			t.Fatalf("record %v", got.Body.String())
		}

		// What was read can be sent back as is (cost and version are ignored).
		echo := got.json()
		a.do(t, call{method: "PUT", path: path, token: owner, body: echo, header: ifMatch(1)}).want(200)
	})
}

func TestInterventionRecordsRejectBadValues(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		edit := func(i int, key string, v any) map[string]any {
			rs := sampleRecords()
			if v == nil {
				delete(rs[i], key)
			} else {
				rs[i][key] = v
			}
			return map[string]any{"records": rs}
		}
		tests := []struct {
			name      string
			body      any
			wantField string
		}{
			{"unknown module", edit(0, "module", "snacks"), "records[0].module"},
			{"unknown intervention", edit(0, "intervention", "snacks"), "records[0].intervention"},
			{"intervention of another module", edit(0, "intervention", "legal-services"), "records[0].intervention"},
			{"no rationale", edit(0, "rationale", nil), "records[0].rationale"},
			{"blank key activities", edit(0, "key_activities", "  "), "records[0].key_activities"},
			{"bilingual object in a proposal in one language", edit(0, "rationale", map[string]string{"ru": "x"}), "records[0].rationale"},
			{"unknown funding status", edit(0, "funding_status", "maybe"), "records[0].funding_status"},
			{"left out without a reason", edit(2, "reason", nil), "records[2].reason"},
			{"PAAR amount outside the PAAR", edit(0, "paar_amount", 5), "records[0].paar_amount"},
			{"negative PAAR amount", edit(1, "paar_amount", -5), "records[1].paar_amount"},
			{"same id twice", edit(1, "id", "nsp"), "records[1].id"},
			{"id with a slash", edit(1, "id", "a/b"), "records[1].id"},
			{"two records put one intervention in the allocation", edit(1, "intervention", "needle-syringe-programs"), ""},
			{"a typed cost is not a member", `{"records":[{"id":"x","module":"pwid-prevention","intervention":"needle-syringe-programs","funding_status":"allocation","amount":5}]}`, "amount"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				body := tt.body
				if tt.name == "two records put one intervention in the allocation" {
					rs := sampleRecords()
					rs[1]["intervention"], rs[1]["funding_status"] = "needle-syringe-programs", "allocation"
					delete(rs[1], "paar_amount")
					body, tt.wantField = map[string]any{"records": rs}, "records[1].intervention"
				}
				r := a.do(t, call{method: "PUT", path: pathOf(tm.id, "/interventions"), token: tm.people["owner"].token, body: body, header: ifMatch(0)}).want(400)
				if !slices.Contains(r.problemFields(), tt.wantField) {
					t.Fatalf("no problem names %q: %s", tt.wantField, r.Body.String())
				}
			})
		}
	})
}

func TestPriorities(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		path := pathOf(tm.id, "/priorities")
		body := map[string]any{"priorities": samplePriorities()}
		// The records a priority names must exist.
		r := a.do(t, call{method: "PUT", path: path, token: owner, body: body, header: ifMatch(0)}).want(400)
		if !slices.Contains(r.problemFields(), "priorities[0].interventions[0]") {
			t.Fatalf("unknown record not named: %s", r.Body.String())
		}
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/interventions"), token: owner, body: map[string]any{"records": sampleRecords()}, header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: path, token: tm.people["viewer"].token, body: body, header: ifMatch(0)}).want(403)
		a.do(t, call{method: "PUT", path: path, token: owner, body: body}).want(428)
		saved := a.do(t, call{method: "PUT", path: path, token: tm.people["editor"].token, body: body, header: ifMatch(0)}).want(200).json()
		list := saved["priorities"].([]any)
		if len(list) != 2 || list[0].(map[string]any)["title"] != "Доступ к ПОШ" || saved["version"].(float64) != 1 {
			t.Fatalf("priorities %v", saved)
		}
		a.do(t, call{method: "PUT", path: path, token: owner, body: body, header: ifMatch(0)}).want(412)
		a.do(t, call{method: "GET", path: path, token: tm.people["stranger"].token}).want(404)

		bad := samplePriorities()
		bad[1]["status"], bad[0]["title"] = "not_included", ""
		r = a.do(t, call{method: "PUT", path: path, token: owner, body: map[string]any{"priorities": bad}, header: ifMatch(1)}).want(400)
		for _, want := range []string{"priorities[0].title", "priorities[1].reason"} {
			if !slices.Contains(r.problemFields(), want) {
				t.Errorf("no problem names %q: %s", want, r.Body.String())
			}
		}
	})
}

func TestSettingsOwnCurrencyAndAllocation(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		path := pathOf(tm.id, "/settings")
		got := a.do(t, call{method: "GET", path: path, token: tm.people["viewer"].token}).want(200).json()
		if fmt.Sprint(got["allowed_currencies"]) != "[USD EUR]" || got["version"].(float64) != 0 {
			t.Fatalf("unsaved settings %v", got)
		}
		settings := map[string]any{"ccm_name": "Страновой координационный комитет", "ccm_abbreviation": "СКК",
			"principal_recipients": []string{"РЦ СПИД"}, "currency": "EUR", "allocation_amount": 50_000_00,
			"application_approach": "full_review", "pathway": "grant_ready", "review_window": "Окно 1, июнь 2026", "target_share_percent": 30}
		for field, bad := range map[string]any{"currency": "KGS", "pathway": "fast", "application_approach": "x", "allocation_amount": -1, "target_share_percent": 101} {
			body := map[string]any{}
			for k, v := range settings {
				body[k] = v
			}
			body[field] = bad
			r := a.do(t, call{method: "PUT", path: path, token: owner, body: body, header: ifMatch(0)}).want(400)
			if !slices.Contains(r.problemFields(), field) {
				t.Errorf("bad %s not named: %s", field, r.Body.String())
			}
		}
		a.do(t, call{method: "PUT", path: path, token: tm.people["reviewer"].token, body: settings, header: ifMatch(0)}).want(403)
		a.do(t, call{method: "PUT", path: path, token: owner, body: settings}).want(428)
		saved := a.do(t, call{method: "PUT", path: path, token: owner, body: settings, header: ifMatch(0)}).want(200).json()
		if saved["ccm_abbreviation"] != "СКК" || saved["allocation_amount"].(float64) != 50_000_00 || saved["target_share_percent"] != float64(30) {
			t.Fatalf("settings %v", saved)
		}
		a.do(t, call{method: "PUT", path: path, token: owner, body: settings, header: ifMatch(0)}).want(412)

		// The budget's currency is the settings' one: another is refused, none takes it from there.
		budgetPath := pathOf(tm.id, "/budget")
		usd := sampleBudget()
		r := a.do(t, call{method: "PUT", path: budgetPath, token: owner, body: usd, header: ifMatch(0)}).want(400)
		if !slices.Contains(r.problemFields(), "currency") {
			t.Fatalf("a budget in another currency than the settings': %s", r.Body.String())
		}
		derived := sampleBudget()
		delete(derived, "currency")
		b := a.do(t, call{method: "PUT", path: budgetPath, token: owner, body: derived, header: ifMatch(0)}).want(200).json()
		if b["currency"] != "EUR" || b["allocation_ceiling"].(float64) != 50_000_00 {
			t.Fatalf("budget does not take the settings' currency and allocation: %v", b)
		}
		// The budget's allocation is derived: sending back what was read is fine, another value is not.
		b["allocation_ceiling"] = 1
		r = a.do(t, call{method: "PUT", path: budgetPath, token: owner, body: b, header: ifMatch(1)}).want(400)
		if !slices.Contains(r.problemFields(), "allocation_ceiling") {
			t.Fatalf("a typed allocation was accepted: %s", r.Body.String())
		}
		b["allocation_ceiling"] = 50_000_00
		a.do(t, call{method: "PUT", path: budgetPath, token: owner, body: b, header: ifMatch(1)}).want(200)
		// With a budget in EUR the settings cannot switch to USD under it.
		settings["currency"] = "USD"
		a.do(t, call{method: "PUT", path: path, token: owner, body: settings, header: ifMatch(1)}).want(409)

		// Totals to the cent: 84 000.00 budgeted against an allocation of 50 000.00, nothing in the PAAR.
		sum := a.do(t, call{method: "GET", path: budgetPath + "/summary", token: tm.people["viewer"].token}).want(200).json()
		if sum["total"].(float64) != 84_000_00 || sum["allocation_amount"].(float64) != 50_000_00 ||
			sum["over_allocation"].(float64) != 34_000_00 || sum["above_allocation"].(float64) != 0 || sum["currency"] != "EUR" {
			t.Fatalf("summary %v", sum)
		}
	})
}

func TestFundingSummaryAddsThePAAR(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/settings"), token: owner, body: map[string]any{"currency": "USD", "allocation_amount": 100_000_01}, header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/budget"), token: owner, body: sampleBudget(), header: ifMatch(0)}).want(200)
		records := sampleRecords()
		records = append(records, map[string]any{"id": "clm", "module": "rssh-community-systems", "intervention": "community-based-monitoring",
			"key_activities": "Мониторинг", "rationale": "Нет данных", "implementers": []string{}, "funding_status": "paar", "paar_amount": 1})
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/interventions"), token: owner, body: map[string]any{"records": records}, header: ifMatch(0)}).want(200)
		sum := a.do(t, call{method: "GET", path: pathOf(tm.id, "/budget/summary"), token: owner}).want(200).json()
		if sum["above_allocation"].(float64) != 15_000_51 || sum["over_allocation"].(float64) != 0 || sum["allocation_amount"].(float64) != 100_000_01 {
			t.Fatalf("summary %v", sum)
		}
		if sum["community_led"].(map[string]any)["amount"].(float64) != 24_000_00 {
			t.Fatalf("community-led share %v", sum["community_led"])
		}
	})
}

func TestCCMProcess(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		path := pathOf(tm.id, "/ccm-process")
		body := func(chair, second, secondConstituency string) map[string]any {
			return map[string]any{
				"consultations": []map[string]any{{"date": "2026-04-14", "place": "Бишкек", "participants_total": 31,
					"participants": []map[string]any{{"group": "people_who_use_drugs", "count": 12}, {"group": "women", "count": 9}, {"group": "young_people", "count": 5}},
					"outcome":      "Добавлен налоксон в приоритеты"}},
				"endorsement": map[string]any{"meeting_date": "2026-05-20", "minutes_reference": "Протокол № 3",
					"signatories": []map[string]any{{"role": "chair", "name": "А. Председатель", "constituency": chair},
						{"role": second, "name": "Б. Подписант", "constituency": secondConstituency}}},
			}
		}
		a.do(t, call{method: "PUT", path: path, token: tm.people["viewer"].token, body: body("government", "civil_society_representative", "civil_society"), header: ifMatch(0)}).want(403)
		a.do(t, call{method: "PUT", path: path, token: owner, body: body("government", "civil_society_representative", "civil_society")}).want(428)
		// A Chair from civil society signs with the government representative, not another civil-society one.
		r := a.do(t, call{method: "PUT", path: path, token: owner, body: body("civil_society", "civil_society_representative", "civil_society"), header: ifMatch(0)}).want(400)
		if !slices.Contains(r.problemFields(), "endorsement.signatories") {
			t.Fatalf("wrong pair accepted: %s", r.Body.String())
		}
		saved := a.do(t, call{method: "PUT", path: path, token: owner, body: body("civil_society", "government_representative", "government"), header: ifMatch(0)}).want(200).json()
		c := saved["consultations"].([]any)[0].(map[string]any)
		if c["participants_total"].(float64) != 31 || len(c["participants"].([]any)) != 3 {
			t.Fatalf("consultation %v", c)
		}
		a.do(t, call{method: "PUT", path: path, token: owner, body: body("government", "civil_society_representative", "civil_society"), header: ifMatch(0)}).want(412)
		a.do(t, call{method: "GET", path: path, token: tm.people["stranger"].token}).want(404)

		bad := body("government", "civil_society_representative", "civil_society")
		consultation := bad["consultations"].([]map[string]any)[0]
		consultation["date"] = "14.04.2026"
		consultation["participants"] = []map[string]any{{"group": "aliens", "count": 1}, {"group": "women", "count": 99}}
		r = a.do(t, call{method: "PUT", path: path, token: owner, body: bad, header: ifMatch(1)}).want(400)
		for _, want := range []string{"consultations[0].date", "consultations[0].participants[0].group", "consultations[0].participants[1].count"} {
			if !slices.Contains(r.problemFields(), want) {
				t.Errorf("no problem names %q: %s", want, r.Body.String())
			}
		}
	})
}

// TestCheckFindsContradictions sets up each contradiction the check must find and looks for its finding.
func TestCheckFindsContradictions(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/settings"), token: owner, body: map[string]any{"currency": "USD", "allocation_amount": 50_000_00, "ccm_abbreviation": "СКК"}, header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/budget"), token: owner, body: sampleBudget(), header: ifMatch(0)}).want(200)
		records := sampleRecords()
		records[1]["paar_amount"] = 0 // a PAAR item without cost
		records = append(records, map[string]any{"id": "ost", "module": "pwid-prevention", "intervention": "ost-drug-dependence-treatment",
			"key_activities": "ОЗТ", "rationale": "Очереди", "implementers": []string{}, "funding_status": "allocation"}) // in the allocation, no budget
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/interventions"), token: owner, body: map[string]any{"records": records}, header: ifMatch(0)}).want(200)
		priorities := samplePriorities()
		priorities = append(priorities, map[string]any{"id": "p3", "title": "Гепатит С", "status": "allocation", "interventions": []string{}})
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/priorities"), token: owner, body: map[string]any{"priorities": priorities}, header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/ccm-process"), token: owner, body: map[string]any{"consultations": []any{},
			"endorsement": map[string]any{"signatories": []map[string]any{{"role": "chair", "name": "А", "constituency": "government"}}}}, header: ifMatch(0)}).want(200)
		// Hepatitis and TB both map to one intervention: one finding, not two.
		a.do(t, call{method: "PUT", path: sectionPath(tm.id, "comprehensive-package"), token: owner,
			body: map[string]any{"fields": map[string]any{"package": []string{"nsp", "hepatitis", "tb"}}}, header: ifMatch(0)}).want(200)

		_, warns := checkIssues(t, a, owner, tm.id)
		tests := []struct {
			name, section, field, code, inMessage string
		}{
			{"priority in the allocation with no intervention", "priorities", "priorities[2].interventions", "priority_without_intervention", "Гепатит С"},
			{"intervention in the allocation with no budget", "interventions", "records[3]", "intervention_without_budget", "Опиоидная заместительная терапия"},
			{"budget above the allocation", "budget", "lines", "over_allocation", "34000.00 USD"},
			{"PAAR item without cost", "interventions", "records[1].paar_amount", "paar_without_cost", "PAAR"},
			{"endorsement without its second signatory", "ccm_process", "endorsement.signatories", "endorsement_incomplete", "председатель СКК"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got := findIssue(warns, tt.section, tt.field, tt.code)
				if got == nil || !strings.Contains(got.Message, tt.inMessage) {
					t.Fatalf("no %s on %s/%s mentioning %q; warnings %v", tt.code, tt.section, tt.field, tt.inMessage, warns)
				}
			})
		}
		if n := countCode(warns, "intervention_without_budget"); n != 2 {
			t.Errorf("%d intervention_without_budget warnings, want OST's record and the co-infections package item once: %v", n, warns)
		}
		for _, w := range warns {
			if strings.Contains(w.Message, "рабочем плане") || strings.Contains(strings.ToLower(w.Message), "in the work plan") {
				t.Errorf("a warning asks for a work plan the template does not have: %q", w.Message)
			}
		}
		for _, ok := range []string{"records[0]", "records[2]", "priorities[0].interventions"} {
			for _, w := range warns {
				if w.Field == ok {
					t.Errorf("a consistent item was reported: %v", w)
				}
			}
		}
	})
}

func TestCheckFindsRecordTextInOneLanguage(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		body := map[string]any{"template": testTemplate, "title": "T", "language": "en", "country": "Kyrgyzstan", "bilingual": true}
		id := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201).str("id")
		records := []map[string]any{{"id": "nsp", "module": "pwid-prevention", "intervention": "needle-syringe-programs",
			"key_activities": map[string]string{"en": "Syringes", "ru": "Шприцы"}, "rationale": map[string]string{"en": "Coverage fell"},
			"implementers": []string{}, "funding_status": "allocation"}}
		// A plain string is not a bilingual value.
		bad := []map[string]any{{"id": "nsp", "module": "pwid-prevention", "intervention": "needle-syringe-programs",
			"key_activities": "Syringes", "rationale": "Coverage fell", "implementers": []string{}, "funding_status": "allocation"}}
		a.do(t, call{method: "PUT", path: pathOf(id, "/interventions"), token: owner.token, body: map[string]any{"records": bad}, header: ifMatch(0)}).want(400)
		a.do(t, call{method: "PUT", path: pathOf(id, "/interventions"), token: owner.token, body: map[string]any{"records": records}, header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: pathOf(id, "/priorities"), token: owner.token, body: map[string]any{"priorities": []map[string]any{
			{"id": "p1", "title": map[string]string{"ru": "Доступ к ПОШ"}, "status": "allocation", "interventions": []string{"nsp"}}}}, header: ifMatch(0)}).want(200)
		_, warns := checkIssues(t, a, owner.token, id)
		for _, want := range []struct{ section, field, inMessage string }{
			{"interventions", "records[0].rationale", "no Russian text"},
			{"priorities", "priorities[0].title", "no English text"},
		} {
			if got := findIssue(warns, want.section, want.field, "one_language"); got == nil || !strings.Contains(got.Message, want.inMessage) {
				t.Errorf("no one_language on %s/%s; warnings %v", want.section, want.field, warns)
			}
		}
		if findIssue(warns, "interventions", "records[0].key_activities", "one_language") != nil {
			t.Errorf("key activities are in both languages but were reported: %v", warns)
		}
	})
}

func TestExportImportCarriesTheFundingRequest(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/settings"), token: owner, body: map[string]any{"currency": "USD", "allocation_amount": 90_000_00}, header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/budget"), token: owner, body: sampleBudget(), header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/interventions"), token: owner, body: map[string]any{"records": sampleRecords()}, header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/priorities"), token: owner, body: map[string]any{"priorities": samplePriorities()}, header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/ccm-process"), token: owner, body: map[string]any{"consultations": []any{},
			"endorsement": map[string]any{"signatories": []any{}}}, header: ifMatch(0)}).want(200)
		exported := a.do(t, call{method: "GET", path: pathOf(tm.id, "/export"), token: owner}).want(200)
		var kinds []string
		for _, d := range decodeExport(t, exported.Body.Bytes()).Documents {
			kinds = append(kinds, d.Kind)
		}
		slices.Sort(kinds)
		if fmt.Sprint(kinds) != "[budget ccm_process interventions priorities settings]" {
			t.Fatalf("exported kinds %v", kinds)
		}
		copyID := a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: owner, body: exported.Body.String()}).want(201).json()["proposal"].(map[string]any)["id"].(string)
		got := a.do(t, call{method: "GET", path: pathOf(copyID, "/interventions"), token: owner}).want(200).json()
		if cost := got["records"].([]any)[0].(map[string]any)["cost"].(map[string]any); cost["allocation"].(float64) != 60_000_00 {
			t.Fatalf("imported records %v", got)
		}
		if s := a.do(t, call{method: "GET", path: pathOf(copyID, "/budget/summary"), token: owner}).want(200).json(); s["allocation_amount"].(float64) != 90_000_00 {
			t.Fatalf("imported settings lost: %v", s)
		}
		// A priority naming a record the export does not hold is refused.
		broken := strings.Replace(exported.Body.String(), `"interventions":["nsp"]`, `"interventions":["gone"]`, 1)
		if broken == exported.Body.String() {
			t.Fatal("the export does not hold the priority's reference as expected")
		}
		a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: owner, body: broken}).want(400)
	})
}

// TestCheckFindsTypedNumbersThatDisagree: the concept note asks to type numbers the budget computes; a
// typed number that disagrees is found, one that agrees to the cent (or half a point) is not.
func TestCheckFindsTypedNumbersThatDisagree(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		a.do(t, call{method: "PUT", path: pathOf(tm.id, "/budget"), token: owner, body: sampleBudget(), header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: sectionPath(tm.id, "community-empowerment"), token: owner,
			body: map[string]any{"fields": map[string]any{"community-budget-share": 18}}, header: ifMatch(0)}).want(200)
		a.do(t, call{method: "PUT", path: sectionPath(tm.id, "modular-budget"), token: owner,
			body: map[string]any{"fields": map[string]any{"allocation-amount": 84000.01}}, header: ifMatch(0)}).want(200)
		_, warns := checkIssues(t, a, owner, tm.id)
		share := findIssue(warns, "community-empowerment", "community-budget-share", "typed_number_disagrees")
		if share == nil || !strings.Contains(share.Message, "28.6") {
			t.Fatalf("18%% typed against 28.6%% computed was not found: %v", warns)
		}
		if findIssue(warns, "modular-budget", "allocation-amount", "typed_number_disagrees") == nil {
			t.Fatalf("84000.01 typed against 84000.00 computed was not found: %v", warns)
		}
		a.do(t, call{method: "PUT", path: sectionPath(tm.id, "community-empowerment"), token: owner,
			body: map[string]any{"fields": map[string]any{"community-budget-share": 29}}, header: ifMatch(1)}).want(200)
		a.do(t, call{method: "PUT", path: sectionPath(tm.id, "modular-budget"), token: owner,
			body: map[string]any{"fields": map[string]any{"allocation-amount": 84000}}, header: ifMatch(1)}).want(200)
		_, warns = checkIssues(t, a, owner, tm.id)
		if n := countCode(warns, "typed_number_disagrees"); n != 0 {
			t.Fatalf("numbers that agree were reported: %v", warns)
		}
	})
}
