// Command signinburst signs up N accounts, then fires N concurrent sign-ins (correct passwords, or unknown e-mails
// with -unknown) at a running iduit and reports the statuses; the caller reads /proc/PID/status.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"sync"
	"time"
)

func post(c *http.Client, url string, body any) int {
	b, _ := json.Marshal(body)
	resp, err := c.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		return -1
	}
	resp.Body.Close()
	return resp.StatusCode
}

func main() {
	base := flag.String("base", "http://127.0.0.1:18080", "server")
	n := flag.Int("n", 200, "concurrent sign-ins")
	unknown := flag.Bool("unknown", false, "sign in with unknown e-mails")
	signup := flag.Bool("signup", false, "only create the accounts")
	prefix := flag.String("prefix", "burst", "e-mail prefix")
	flag.Parse()
	c := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 1000}}
	email := func(i int) string { return fmt.Sprintf("%s%d@example.org", *prefix, i) }
	if *signup {
		for i := 0; i < *n; i++ {
			if s := post(c, *base+"/api/v1/users", map[string]string{"email": email(i), "name": "Burst", "password": "correct horse battery"}); s != 201 {
				fmt.Fprintln(os.Stderr, "sign-up", i, s)
			}
		}
		return
	}
	statuses := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < *n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			e := email(i)
			if *unknown {
				e = fmt.Sprintf("nobody-%d-%d@example.org", time.Now().UnixNano(), i)
			}
			s := post(c, *base+"/api/v1/sessions", map[string]string{"email": e, "password": "correct horse battery"})
			mu.Lock()
			statuses[s]++
			mu.Unlock()
		}()
	}
	t0 := time.Now()
	close(start)
	wg.Wait()
	fmt.Printf("statuses %v in %v\n", statuses, time.Since(t0).Round(time.Millisecond))
}
