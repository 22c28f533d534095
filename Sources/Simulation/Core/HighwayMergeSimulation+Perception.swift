extension HighwayMergeSimulation {
    /// Freezes the state of the cars in the world (phase 0 of a step).
    func takeSnapshot() {
        snapshot.removeAll()
        for index in active {
            let car = cars[index]
            let pose = car.pose(geometry)
            snapshot.index.append(index)
            snapshot.x.append(pose.x)
            snapshot.y.append(pose.y)
            snapshot.heading.append(pose.heading)
            snapshot.speed.append(car.pathMotion.speed)
            snapshot.length.append(car.length)
            snapshot.width.append(car.width)
        }
        snapshot.buildIndex()
    }

    /// What the car at `position` (in `active`) may know: its own state, the sensed cars, its inbox.
    func observation(_ position: Int, step: Int, time: Double) -> CarObservation {
        let index = snapshot.index[position]
        var sensed: [SensedCar] = []
        snapshot.forEachNeighbour(of: position, within: tuning.sensorRange) { other in
            sensed.append(SensedCar(id: AgentID(index: snapshot.index[other]), x: snapshot.x[other], y: snapshot.y[other],
                                    heading: snapshot.heading[other], speed: snapshot.speed[other],
                                    length: snapshot.length[other], width: snapshot.width[other]))
        }
        let ego = cars.withUnsafeBufferPointer { cars in
            EgoState(id: cars[index].id, route: cars[index].route, lane: cars[index].lane(geometry),
                     motion: cars[index].motion, length: cars[index].length, width: cars[index].width,
                     laneChange: cars[index].laneChange)
        }
        return CarObservation(step: step, time: time, ego: ego, sensed: sensed, inbox: inboxes[index])
    }
}
