import NashSimCLI

NashSim.main()
