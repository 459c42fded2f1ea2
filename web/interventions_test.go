package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func recordPost(version string) url.Values {
	return url.Values{"version": {version}, "rows": {"2"},
		"r.0.intervention": {"needle-syringe-programs"}, "r.0.key_activities.ru": {"Выдача шприцев"}, "r.0.rationale.ru": {"Охват упал"},
		"r.0.implementers": {"Сеть ЛУН\nРЦ СПИД"}, "r.0.funding_status": {"allocation"},
		"r.1.intervention": {"overdose-prevention"}, "r.1.key_activities.ru": {"Налоксон"}, "r.1.rationale.ru": {"Передозировки"},
		"r.1.funding_status": {"paar"}, "r.1.paar_amount": {"1 500,25"}}
}

func TestInterventionsPage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Мероприятия", "ru", false)
		viewer := addMemberAs(s, owner, id, "Vera Viewer", "viewer")
		path := "/proposals/" + id + "/interventions"
		if p := viewer.get(path); p.Status != http.StatusOK || strings.Contains(p.Body, `id="save-button"`) {
			t.Fatalf("viewer: %d, save button shown", p.Status)
		}
		if p := viewer.post(path, recordPost("0")); p.Status != http.StatusForbidden {
			t.Errorf("a viewer's save: %d, want 403", p.Status)
		}
		if p := owner.post("/proposals/"+id+"/budget", budgetPost("0")); p.Status != http.StatusSeeOther {
			t.Fatalf("budget: %d", p.Status)
		}
		owner.post("/lang", url.Values{"lang": {"ru"}, "next": {path}})
		p := owner.post(path, recordPost("0"))
		if p.Status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", p.Status, p.Body)
		}
		p = owner.get(p.Location)
		// NSP: 30 000.00 + 12 000.50 of budget lines; naloxone: its PAAR amount.
		for _, want := range []string{"Выдача шприцев", "Сеть ЛУН\nРЦ СПИД</textarea>", "стоимость: 42000,50 USD", "стоимость: 1500,25 USD", `value="1500,25"`, "Записи о мероприятиях сохранены."} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("after saving, the page lacks %q", want)
			}
		}
		bad := recordPost("1")
		bad.Del("r.0.id")
		bad.Set("r.0.rationale.ru", "")
		bad.Set("r.1.funding_status", "not_included")
		bad.Set("r.1.paar_amount", "")
		p = owner.post(path, bad)
		if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "Запись 1:") || !strings.Contains(p.Body, "Запись 2:") || !strings.Contains(p.Body, `value="Налоксон"`) && !strings.Contains(p.Body, ">Налоксон</textarea>") {
			t.Fatalf("refused form: %d\n%s", p.Status, p.Body)
		}
	})
}

func TestPrioritiesPage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Приоритеты", "ru", false)
		path := "/proposals/" + id + "/priorities"
		owner.post("/lang", url.Values{"lang": {"ru"}, "next": {path}})
		if p := owner.get(path); p.Status != http.StatusOK || !strings.Contains(p.Body, "Записей о мероприятиях пока нет") {
			t.Fatalf("empty page: %d", p.Status)
		}
		if p := owner.post("/proposals/"+id+"/interventions", recordPost("0")); p.Status != http.StatusSeeOther {
			t.Fatalf("records: %d", p.Status)
		}
		records := owner.get("/proposals/" + id + "/interventions").Body
		at := strings.Index(records, `name="r.0.id" value="`)
		if at < 0 {
			t.Fatal("no record id on the records page")
		}
		nsp := records[at+len(`name="r.0.id" value="`):]
		nsp = nsp[:strings.Index(nsp, `"`)]
		post := url.Values{"version": {"0"}, "rows": {"2"}, "p.0.title.ru": {"Доступ к ПОШ"}, "p.0.status": {"allocation"}, "p.0.interventions": {nsp},
			"p.1.title.ru": {"Жилье"}, "p.1.status": {"not_included"}, "p.1.reason.ru": {"Не входит в мандат ГФ"}}
		p := owner.post(path, post)
		if p.Status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", p.Status, p.Body)
		}
		p = owner.get(p.Location)
		// The chart counts the two priorities: one in the allocation, none in the PAAR, one left out.
		for _, want := range []string{`value="Доступ к ПОШ"`, `value="` + nsp + `" checked`, "Не входит в мандат ГФ", "Приоритеты сохранены.",
			`id="chart-priorities"`, ">1 · 50,0\u00a0%</text>", ">0 · 0,0\u00a0%</text>", "В пределах аллокации — 1 · 50,0\u00a0%; Сверх аллокации (PAAR) — 0 · 0,0\u00a0%; Не включено — 1 · 50,0\u00a0%"} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("after saving, the page lacks %q", want)
			}
		}
		post.Set("version", "1")
		post.Del("p.1.reason.ru")
		if p = owner.post(path, post); p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "Приоритет 2:") {
			t.Fatalf("a left-out priority without a reason: %d", p.Status)
		}
	})
}

func TestCCMProcessPage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("СКМ", "ru", false)
		path := "/proposals/" + id + "/ccm-process"
		owner.post("/lang", url.Values{"lang": {"ru"}, "next": {path}})
		post := url.Values{"version": {"0"}, "rows": {"1"}, "c.0.date": {"2026-04-14"}, "c.0.place": {"Бишкек"}, "c.0.participants_total": {"31"},
			"c.0.group.people_who_use_drugs": {"12"}, "c.0.group.women": {"9"}, "c.0.outcome.ru": {"Налоксон стал приоритетом"},
			"meeting_date": {"2026-05-20"}, "minutes_reference": {"Протокол № 3"},
			"s.0.role": {"chair"}, "s.0.name": {"А. Председатель"}, "s.0.constituency": {"civil_society"},
			"s.1.role": {"civil_society_representative"}, "s.1.name": {"Б. Подписант"}, "s.1.constituency": {"civil_society"}}
		p := owner.post(path, post)
		if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "поэтому второй подписант — представитель государства") {
			t.Fatalf("a Chair from civil society with a civil-society co-signatory: %d", p.Status)
		}
		post.Set("s.1.role", "government_representative")
		post.Set("s.1.constituency", "government")
		if p = owner.post(path, post); p.Status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", p.Status, p.Body)
		}
		p = owner.get(p.Location)
		for _, want := range []string{`value="Бишкек"`, `name="c.0.group.people_who_use_drugs" value="12"`, "Налоксон стал приоритетом", `value="Протокол № 3"`, "Сведения о процессе СКМ сохранены."} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("after saving, the page lacks %q", want)
			}
		}
	})
}
