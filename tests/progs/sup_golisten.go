// sup_golisten RESERVED ROUNDS: a Go program (statically linked, raw
// system calls, no libc) whose goroutines listen, dial and are denied
// while another goroutine spins, so that the runtime's preemption
// signals (SIGURG) hit threads waiting on the supervisor.  Every call
// must get its true answer: a signal must never turn into a failed call.
// Prints "N calls, N wrong"; exits 1 when any answer was wrong.
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
)

var calls, wrong int64

func check(what string, err error, want error) {
	atomic.AddInt64(&calls, 1)
	if (want == nil && err != nil) || (want != nil && !errors.Is(err, want)) {
		atomic.AddInt64(&wrong, 1)
		fmt.Fprintf(os.Stderr, "%s: got %v, want %v\n", what, err, want)
	}
}

func round(reserved string, peer string) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	check("listen :0", err, nil)
	if err == nil {
		l.Close()
	}
	_, err = net.Listen("tcp", "127.0.0.1:"+reserved)
	check("listen reserved", err, syscall.EADDRINUSE)
	c, err := net.Dial("tcp", peer)
	check("dial listener", err, nil)
	if err == nil {
		c.Close()
	}
	_, err = net.Dial("tcp", "127.0.0.2:9")
	check("dial blocked zone", err, syscall.EACCES)
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sup_golisten RESERVED ROUNDS")
		os.Exit(2)
	}
	rounds, _ := strconv.Atoi(os.Args[2])
	srv, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "listener:", err)
		os.Exit(2)
	}
	go func() {
		for {
			c, err := srv.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	var stop int32
	go func() { // keeps the scheduler preempting with signals
		x := 0
		for atomic.LoadInt32(&stop) == 0 {
			x++
		}
		_ = x
	}()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				round(os.Args[1], srv.Addr().String())
			}
		}()
	}
	wg.Wait()
	atomic.StoreInt32(&stop, 1)
	fmt.Printf("%d calls, %d wrong\n", calls, wrong)
	if wrong != 0 || calls != int64(8*4*rounds) {
		os.Exit(1)
	}
}
