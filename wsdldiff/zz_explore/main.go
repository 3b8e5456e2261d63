package main

import (
	"fmt"
	"os"

	"github.com/soapgen/soapgen/wsdl"
	"github.com/soapgen/soapgen/wsdldiff"
)

func main() {
	vs := []string{"84", "85", "86", "87", "88"}
	var ds []*wsdl.Definitions
	for _, v := range vs {
		d, err := wsdl.Load(os.DirFS("/work/shared/corpus/wsdl/Services"+v), "User.wsdl", nil)
		if err != nil {
			panic(err)
		}
		ds = append(ds, d)
	}
	for i := 0; i+1 < len(ds); i++ {
		fmt.Printf("===== %s -> %s\n", vs[i], vs[i+1])
		fmt.Print(wsdldiff.Compare(ds[i], ds[i+1]).Text())
	}
	fmt.Print("===== 88 -> 88\n", wsdldiff.Compare(ds[4], ds[4]).Text())
	fmt.Print("===== 84 -> 88\n", wsdldiff.Compare(ds[0], ds[4]).Summary())
}
